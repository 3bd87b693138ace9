import type { EventStore, ReadAllStart } from '@presales/event-store';
import { exportLineOf } from '../line/export-line.js';

export interface ExportOptions {
  /** Inclusive `$all` position to start at; default the beginning. */
  readonly fromPosition?: bigint;
  /** Only streams whose names start with one of these, e.g. `tender-`. */
  readonly streamPrefixes?: readonly string[];
  /** Events read per page: memory stays at one page however large the store. */
  readonly pageSize?: number;
}

/** Every recorded event in `$all` order as export lines (each without its newline), read page by page. */
export async function* exportLines(
  store: Pick<EventStore, 'readAll'>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? 2000;
  const filter =
    options.streamPrefixes === undefined || options.streamPrefixes.length === 0
      ? undefined
      : { streamPrefixes: options.streamPrefixes };
  // Positions are opaque (EventStoreDB's are byte offsets): each page starts past the last event read.
  let start: ReadAllStart = options.fromPosition === undefined ? {} : { fromPosition: options.fromPosition };
  for (;;) {
    const page = await store.readAll({ ...start, maxCount: pageSize, ...(filter === undefined ? {} : { filter }) });
    for (const event of page) yield exportLineOf(event);
    if (page.length < pageSize) return;
    start = { afterPosition: page[page.length - 1]!.position };
  }
}
