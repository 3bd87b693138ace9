import { describe, expect, it } from 'vitest';
import { OneBatchAhead } from './one-batch-ahead.js';

/** A batch whose send settles when the test says so. */
function controlledBatch(to: bigint, events: number) {
  let finish!: (error?: Error) => void;
  const sent = new Promise<void>((resolve, reject) => (finish = (error) => (error ? reject(error) : resolve())));
  let sends = 0;
  return {
    batch: {
      to,
      events,
      send: () => {
        sends += 1;
        return sent;
      },
    },
    finish,
    sends: () => sends,
  };
}

describe('OneBatchAhead', () => {
  it('keeps one batch in flight and reports each once its rows are in, in order', async () => {
    const written: string[] = [];
    const writer = new OneBatchAhead((to, events) => written.push(`${to}:${events}`));
    const first = controlledBatch(10n, 10);
    const second = controlledBatch(20n, 10);
    await writer.send(first.batch);
    expect(first.sends()).toBe(1);
    expect(written).toEqual([]);
    const sendingSecond = writer.send(second.batch);
    await Promise.resolve();
    expect(second.sends()).toBe(0);
    first.finish();
    await sendingSecond;
    expect(second.sends()).toBe(1);
    expect(written).toEqual(['10:10']);
    second.finish();
    await writer.settle();
    expect(written).toEqual(['10:10', '20:10']);
  });

  it('throws a failed batch when it is waited for, and abandon lets the one in flight finish', async () => {
    const writer = new OneBatchAhead(() => undefined);
    const failing = controlledBatch(10n, 10);
    await writer.send(failing.batch);
    failing.finish(new Error('engine down'));
    await expect(writer.settle()).rejects.toThrow('engine down');
    const next = controlledBatch(20n, 10);
    await writer.send(next.batch);
    let abandoned = false;
    const abandoning = writer.abandon().then(() => (abandoned = true));
    await Promise.resolve();
    expect(abandoned).toBe(false);
    next.finish(new Error('also down'));
    await abandoning;
    expect(abandoned).toBe(true);
  });

  it('sends nothing for a batch without events', async () => {
    const written: bigint[] = [];
    const writer = new OneBatchAhead((to) => written.push(to));
    await writer.send({ to: undefined, events: 0, send: () => Promise.reject(new Error('must not be sent')) });
    await writer.settle();
    expect(written).toEqual([]);
  });
});
