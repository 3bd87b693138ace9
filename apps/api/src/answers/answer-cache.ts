import { BoundedLru } from './bounded-lru.js';
import type { Question } from './question.js';

export interface AnswerCacheOptions {
  /** Grows whenever the read models may have changed (Projector.readModelVersion). */
  readonly readModelVersion: () => number;
  /** The last millisecond an event the read models hold can have been recorded in (recordedThrough). */
  readonly recordedThrough: () => Promise<number>;
  readonly maxEntries: number;
  readonly maxBytes: number;
}

export type AnswerOutcome = 'hit' | 'joined' | 'computed';

/**
 * Scorecards, trends and maturity answered once per state of the read models (decision 0029).
 * An answer is kept under the question and the read models' version when it was asked: while
 * nothing new is projected, the same question gets the same answer without the engine. A write
 * answered `projected: true` has moved the version, so the next question is computed afresh.
 * The same question asked while it is being computed waits for that computation (a dashboard's
 * first view and the warm-up at start ask together).
 *
 * A live question (no asOf) is answered as of the moment it is complete; the same answer holds
 * later only if nothing the read models hold was recorded after the question was asked (an event
 * recorded with a clock ahead would count later, not now): otherwise it is not kept.
 */
export class AnswerCache {
  private readonly answers: BoundedLru<unknown>;
  private readonly computing = new Map<string, Promise<unknown>>();
  private readonly outcomes: Record<AnswerOutcome, number> = { hit: 0, joined: 0, computed: 0 };

  constructor(private readonly options: AnswerCacheOptions) {
    this.answers = new BoundedLru(options.maxEntries, options.maxBytes);
  }

  answer<T>(question: Question, compute: () => Promise<T>): Promise<T> {
    const key = `${this.options.readModelVersion()} ${question.asked}`;
    const kept = this.answers.get(key);
    if (kept !== undefined) {
      this.outcomes.hit += 1;
      return Promise.resolve(kept as T);
    }
    const running = this.computing.get(key);
    if (running !== undefined) {
      this.outcomes.joined += 1;
      return running as Promise<T>;
    }
    this.outcomes.computed += 1;
    const computation = this.computeAndKeep(key, question, compute).finally(() => this.computing.delete(key));
    this.computing.set(key, computation);
    return computation;
  }

  /** How many questions were answered each way since start. */
  counts(): Readonly<Record<AnswerOutcome, number>> {
    return { ...this.outcomes };
  }

  /** Answers kept and the bytes they are estimated to hold. */
  held(): { readonly answers: number; readonly bytes: number } {
    return { answers: this.answers.size, bytes: this.answers.bytes };
  }

  private async computeAndKeep<T>(key: string, question: Question, compute: () => Promise<T>): Promise<T> {
    // Read beside the computation, not after it: a row projected meanwhile moves the version anyway.
    const through = question.live ? this.options.recordedThrough().catch(() => Number.POSITIVE_INFINITY) : Promise.resolve(0);
    const [answer, recordedThrough] = await Promise.all([compute(), through]);
    if (!question.live || recordedThrough <= question.askedAt.getTime()) this.answers.set(key, answer, bytesOf(answer));
    return answer;
  }
}

/** The JSON an answer is sent as, two bytes a character: close to what the objects hold. */
function bytesOf(answer: unknown): number {
  return (JSON.stringify(answer)?.length ?? 0) * 2;
}
