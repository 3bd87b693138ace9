import type { Actor } from '@presales/domain';

/** One generated event in the import line format (DOMAIN.md), with its id and `metadata.demo = true`. */
export interface DemoEvent {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: {
    readonly occurredAt: string;
    readonly actor: Actor;
    readonly schemaVersion: number;
    /** Marks generated history, whose recordedAt the demo loader drives from occurredAt. */
    readonly demo: true;
  };
}

/** The import line of a demo event, keys in a fixed order so the same seed gives identical bytes. */
export function demoEventLine(event: DemoEvent): string {
  return JSON.stringify({
    id: event.id,
    stream: event.stream,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
}
