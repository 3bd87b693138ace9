import type { ReadModelVersion } from '@presales/analytics';
import { BoundedLru } from './bounded-lru.js';
import type { Question } from './question.js';
import { serializeKeptAnswer } from './serialized-answer.js';

/** What a computation tells about the tables it read, beyond the fact tables. */
export interface TablesRead {
  /** It read the `events` table: a sign-in, which writes only that table, changes its answer. */
  eventsTable(): void;
}

/** Whether SQL may read the `events` table: the word anywhere, a comment included (over-cautious is only slower). */
export function mayReadEventsTable(sql: string): boolean {
  return /\bevents\b/i.test(sql);
}

export interface AnswerCacheOptions {
  /** Projector.readModelVersion. */
  readonly readModelVersion: () => ReadModelVersion;
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
 * No scorecard, trend or maturity reads the `events` table, which alone the security log's
 * sign-ins write: they would otherwise discard every answer each time someone signs in. An
 * answer is kept under the version of the fact tables, and one whose computation says it read
 * `events` (a KPI version published with SQL that does) also under the version of that table.
 *
 * A live question (no asOf) is answered as of the moment it is complete; the same answer holds
 * later only if nothing the read models hold was recorded after the question was asked (an event
 * recorded with a clock ahead would count later, not now): otherwise it is not kept.
 */
export class AnswerCache {
  private readonly answers: BoundedLru<{ readonly answer: unknown; readonly eventsVersion: number | undefined }>;
  private readonly computing = new Map<string, Promise<unknown>>();
  private readonly outcomes: Record<AnswerOutcome, number> = { hit: 0, joined: 0, computed: 0 };

  constructor(private readonly options: AnswerCacheOptions) {
    this.answers = new BoundedLru(options.maxEntries, options.maxBytes);
  }

  answer<T>(question: Question, compute: (read: TablesRead) => Promise<T>): Promise<T> {
    const version = this.options.readModelVersion();
    const key = `${version.facts} ${question.asked}`;
    const kept = this.answers.get(key);
    if (kept !== undefined && (kept.eventsVersion === undefined || kept.eventsVersion === version.events)) {
      this.outcomes.hit += 1;
      return Promise.resolve(kept.answer as T);
    }
    // A computation under way is of the same version of every table, `events` included.
    const computingKey = `${version.facts}:${version.events} ${question.asked}`;
    const running = this.computing.get(computingKey);
    if (running !== undefined) {
      this.outcomes.joined += 1;
      return running as Promise<T>;
    }
    this.outcomes.computed += 1;
    const computation = this.computeAndKeep(key, version.events, question, compute).finally(() =>
      this.computing.delete(computingKey),
    );
    this.computing.set(computingKey, computation);
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

  private async computeAndKeep<T>(
    key: string,
    eventsVersion: number,
    question: Question,
    compute: (read: TablesRead) => Promise<T>,
  ): Promise<T> {
    let readsEvents = false;
    // Read beside the computation, not after it: a row projected meanwhile moves the version anyway.
    const through = question.live
      ? this.options.recordedThrough().catch(() => Number.POSITIVE_INFINITY)
      : Promise.resolve(0);
    const [answer, recordedThrough] = await Promise.all([
      compute({ eventsTable: () => (readsEvents = true) }),
      through,
    ]);
    if (!question.live || recordedThrough <= question.askedAt.getTime()) {
      // Serialized once, here: every hit is sent as this text (SendKeptAnswerInterceptor), and
      // its length estimates what the answer holds, two bytes a character for the text and
      // about as much again for the objects.
      const serialized = serializeKeptAnswer(answer);
      const bytes = (serialized?.json.length ?? 0) * 4;
      this.answers.set(key, { answer, eventsVersion: readsEvents ? eventsVersion : undefined }, bytes);
    }
    return answer;
  }
}
