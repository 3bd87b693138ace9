import type { RecordedEvent, RecordedMetadata } from '@presales/event-store';

/** An export line: the import line format plus the store's revision, position and stamps (DOMAIN.md). */
export interface ExportLine {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly revision: number;
  readonly position: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: RecordedMetadata;
}

/** One recorded event as one JSON line (without the newline). Revisions and positions fit JSON numbers up to 2^53. */
export function exportLineOf(event: RecordedEvent): string {
  const line: ExportLine = {
    id: event.id,
    stream: event.streamId,
    type: event.type,
    revision: Number(event.revision),
    position: Number(event.position),
    data: event.data,
    metadata: event.metadata,
  };
  return JSON.stringify(line);
}

/** An export line back into the recorded event it came from (shape only: the restore verifies its chain). */
export function recordedEventOf(line: ExportLine): RecordedEvent {
  return {
    id: line.id,
    streamId: line.stream,
    type: line.type,
    revision: BigInt(line.revision),
    position: BigInt(line.position),
    data: line.data,
    metadata: line.metadata,
  };
}
