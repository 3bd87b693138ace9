import { ForbiddenException, HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { recordAuditRead, type AuditOutcome, type AuditRequest } from '@presales/audit';
import { DomainError, type Actor } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';

/** What an audit request asks, recorded whatever the outcome. */
export interface AuditAsk {
  readonly request: AuditRequest;
  readonly where: string;
  /** The stream, `$all`, `kpis` or `audit-log`. */
  readonly subject: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** An answer and what it was built from. */
export interface AuditedAnswer<T> {
  readonly body: T;
  /** Every stream whose events were read to answer. */
  readonly streams: readonly string[];
  /** SHA-256 of what was handed out, when the answer is a document someone may produce later. */
  readonly answerSha256?: string;
}

const MESSAGE_KEPT = 2000;
const SUBJECT_KEPT = 200;

/**
 * Every audit read is itself recorded (an AuditRead event, docs/decisions/0011): who asked,
 * what, when and which streams the answer came from. An answer is only handed out once its
 * record is in the store; if the record cannot be written, the read fails. A refused request
 * (a bad parameter, an unknown tender) appends nothing to the immutable log, so refusals cannot
 * be used to fill it: it is counted by code for /metrics and logged instead.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('audit');
  private readonly refusals = new Map<string, number>();

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async answer<T>(actor: Actor, ask: AuditAsk, read: (actor: Actor) => Promise<AuditedAnswer<T>>): Promise<T> {
    // Who may ask is decided before this (the access guard): a request refused for its role never reaches the log.
    const at = this.clock();
    let answer: AuditedAnswer<T>;
    try {
      answer = await read(actor);
    } catch (error) {
      this.countRefusal(ask, actor, error);
      throw error;
    }
    const outcome: AuditOutcome =
      answer.answerSha256 === undefined
        ? { kind: 'answered' }
        : { kind: 'answered', answerSha256: answer.answerSha256 };
    await recordAuditRead(
      this.eventStore,
      {
        request: ask.request,
        subject: ask.subject.slice(0, SUBJECT_KEPT),
        streams: [...answer.streams],
        parameters: ask.parameters,
        outcome,
      },
      { actor, at },
    );
    return answer.body;
  }

  /** Refused audit requests since start, by error code. */
  refusalCounts(): ReadonlyMap<string, number> {
    return this.refusals;
  }

  private countRefusal(ask: AuditAsk, actor: Actor, error: unknown): void {
    const code = refusalCode(error);
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MESSAGE_KEPT);
    this.logger.warn(
      `refused ${ask.request} of ${ask.subject.slice(0, SUBJECT_KEPT)} for ${actor.id} (${actor.role}): ${code}: ${message}`,
    );
  }
}

function refusalCode(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  if (error instanceof ForbiddenException) return 'forbidden';
  if (error instanceof HttpException) return error.getStatus() === 404 ? 'not_found' : 'validation';
  return 'internal';
}
