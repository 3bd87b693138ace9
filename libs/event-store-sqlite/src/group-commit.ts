import type { AppendResult } from '@presales/event-store';
import type { AppendOutcome, AppendRequest } from './appender.js';

/** Appends one transaction takes at most: a commit stays short, and later callers are not held long. */
const MAX_GROUP = 256;

interface Waiting {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: appends that arrive while the event loop serves one round of requests are
 * written in one transaction at the end of that round (setImmediate), so they share one commit.
 * Under synchronous=FULL a commit is an fsync that blocks this thread for milliseconds; one per
 * append capped the HTTP API at a few dozen commands a second (issue 17), while a lone append
 * waits no longer than the rest of the round.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly appendAll: (requests: readonly AppendRequest[]) => AppendOutcome[],
    private readonly appended: () => void,
  ) {}

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.commit());
      }
    });
  }

  private commit(): void {
    const group = this.waiting.slice(0, MAX_GROUP);
    this.waiting = this.waiting.slice(MAX_GROUP);
    this.scheduled = this.waiting.length > 0;
    if (this.scheduled) setImmediate(() => this.commit());
    const outcomes = this.appendAll(group.map((waiting) => waiting.request));
    if (outcomes.some((outcome) => outcome.ok)) this.appended();
    outcomes.forEach((outcome, i) =>
      outcome.ok ? group[i]!.resolve(outcome.result) : group[i]!.reject(outcome.error),
    );
  }
}
