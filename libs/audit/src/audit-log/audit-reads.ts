import { compareDates, IsoDate, validate, ValidationError, type Actor } from '@presales/domain';
import { StreamNotFoundError, type EventStore } from '@presales/event-store';
import { UnreadableEventError } from '../errors.js';
import { chainVerdictOf, type ChainVerdict } from '../verification/chain-verdict.js';
import { AUDIT_READ, AuditReadData, auditLogStream, type AuditOutcome, type AuditRequest } from './audit-read.js';

export interface AuditReadEntry {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly request: AuditRequest;
  readonly subject: string;
  readonly streams: readonly string[];
  readonly parameters: Readonly<Record<string, string>>;
  readonly outcome: AuditOutcome;
}

export interface AuditReadsQuery {
  /** First and last UTC day, inclusive, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  readonly actorId?: string;
  /** Only reads whose subject or streams include this stream. */
  readonly stream?: string;
}

export interface AuditReadsAnswer {
  readonly from: string;
  readonly to: string;
  readonly reads: readonly AuditReadEntry[];
  /** The chain of each day's audit-log stream: the log is tamper-evident like the rest. */
  readonly chains: readonly ChainVerdict[];
}

export const MAX_AUDIT_LOG_DAYS = 366;

/** Who looked at which stream, when: the AuditRead events of each day in the range, oldest first. */
export async function listAuditReads(
  store: Pick<EventStore, 'readStream' | 'verifyStream'>,
  query: AuditReadsQuery,
): Promise<AuditReadsAnswer> {
  const days = daysBetween(query.from, query.to);
  const reads: AuditReadEntry[] = [];
  const chains: ChainVerdict[] = [];
  for (const day of days) {
    const streamId = auditLogStream(day);
    let events;
    try {
      events = await store.readStream(streamId);
    } catch (error) {
      if (error instanceof StreamNotFoundError) continue;
      throw error;
    }
    chains.push(chainVerdictOf(await store.verifyStream(streamId)));
    for (const event of events) {
      if (event.type !== AUDIT_READ) continue;
      const parsed = AuditReadData.safeParse(event.data);
      if (!parsed.success)
        throw new UnreadableEventError(
          streamId,
          event.revision,
          `not a valid AuditRead: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
      const data = parsed.data;
      if (query.actorId !== undefined && event.metadata.actor.id !== query.actorId) continue;
      if (query.stream !== undefined && data.subject !== query.stream && !data.streams.includes(query.stream)) continue;
      reads.push({
        position: event.position.toString(),
        streamId,
        revision: event.revision.toString(),
        actor: event.metadata.actor,
        occurredAt: event.metadata.occurredAt,
        recordedAt: event.metadata.recordedAt,
        request: data.request,
        subject: data.subject,
        streams: data.streams,
        parameters: data.parameters,
        outcome: data.outcome,
      });
    }
  }
  return { from: query.from, to: query.to, reads, chains };
}

function daysBetween(from: string, to: string): string[] {
  const where = 'audit reads';
  validate(IsoDate, from, `${where} from`);
  validate(IsoDate, to, `${where} to`);
  if (compareDates(from, to) > 0)
    throw new ValidationError(where, [{ path: 'from', value: from, rule: 'must not be after `to`' }]);
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
    if (days.length > MAX_AUDIT_LOG_DAYS)
      throw new ValidationError(where, [
        { path: 'to', value: to, rule: `must be at most ${MAX_AUDIT_LOG_DAYS} days after \`from\`` },
      ]);
  }
  return days;
}
