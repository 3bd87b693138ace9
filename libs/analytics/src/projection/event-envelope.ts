import type { RecordedEvent } from '@presales/event-store';
import { sqlDateTimeOfEpochMs } from '../sql/utc-date-time.js';

/**
 * The envelope values an event's rows repeat (its `events` row and its fact row), converted
 * once per event: parsing and formatting the two times was a large share of projection time
 * when each row did it again.
 */
export interface EventEnvelope {
  readonly position: number;
  readonly occurredAt: string;
  readonly occurredAtMs: number;
  readonly recordedAt: string;
  readonly recordedAtMs: number;
}

export function envelopeOf(event: RecordedEvent): EventEnvelope {
  const occurredAtMs = epochMsOf(event.metadata.occurredAt);
  const recordedAtMs = epochMsOf(event.metadata.recordedAt);
  return {
    position: Number(event.position),
    occurredAt: sqlDateTimeOfEpochMs(occurredAtMs),
    occurredAtMs,
    recordedAt: sqlDateTimeOfEpochMs(recordedAtMs),
    recordedAtMs,
  };
}

function epochMsOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`projection: envelope time ${JSON.stringify(iso)} is not a time`);
  return ms;
}
