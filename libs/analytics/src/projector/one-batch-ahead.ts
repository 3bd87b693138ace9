import type { ProjectionBatch } from './write-batch.js';

/**
 * Sends projection batches in order with one in flight: the caller reads and projects the next
 * batch while the engine writes the last one sent (chDB does so on its own thread), and at most
 * two batches are held at a time.
 */
export class OneBatchAhead {
  private sending: { readonly done: Promise<void>; readonly to: bigint; readonly events: number } | undefined;

  /** `written` is told each batch's last position and size once its rows are in. */
  constructor(private readonly written: (to: bigint, events: number) => void) {}

  /** Waits for the batch sent before, then sends this one without waiting for it. */
  async send(batch: Pick<ProjectionBatch, 'to' | 'events' | 'send'>): Promise<void> {
    const to = batch.to;
    if (to === undefined) return;
    await this.settle();
    const done = batch.send();
    // Handled at once, as it may fail while the next batch is read; thrown by settle.
    done.catch(() => undefined);
    this.sending = { done, to, events: batch.events };
  }

  /** Waits for the batch in flight, if any; throws its failure. */
  async settle(): Promise<void> {
    const sending = this.sending;
    if (sending === undefined) return;
    this.sending = undefined;
    await sending.done;
    this.written(sending.to, sending.events);
  }

  /** After a failure: lets the batch in flight finish, whatever its outcome, so nothing of ours runs on. */
  async abandon(): Promise<void> {
    await this.sending?.done.catch(() => undefined);
  }
}
