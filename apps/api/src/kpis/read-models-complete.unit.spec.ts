import type { ProjectorState } from '@presales/analytics';
import { describe, expect, it } from 'vitest';
import { readModelsBehind } from './read-models-complete.interceptor.js';

/** A projector's state and lag as the interceptor reads them, changing over time as a real one does. */
function projector(states: readonly ProjectorState[], lag: number, everyMs = 30) {
  const started = Date.now();
  return {
    status: () => ({
      state: states[Math.min(states.length - 1, Math.floor((Date.now() - started) / everyMs))]!,
      checkpoint: 40n,
    }),
    lagEvents: async () => lag,
  };
}

describe('KPI reads while the projector replays', () => {
  it('are refused, naming the lag and position, when the replay outlasts the wait', async () => {
    const behind = await readModelsBehind(projector(['catching_up'], 1234), 100);
    expect(behind?.message).toBe(
      'the read models are catching up with the event log (1234 events behind, at position 40): an answer now would be partial; try again in a few seconds',
    );
  });

  it('wait out a short catch-up after a start', async () => {
    expect(await readModelsBehind(projector(['starting', 'catching_up', 'live'], 5), 1000)).toBeUndefined();
  });

  it('are refused while the projector retries with events waiting', async () => {
    expect(await readModelsBehind(projector(['retrying'], 3), 0)).toBeDefined();
  });

  it('go on while the projector is live, or replays nothing', async () => {
    expect(await readModelsBehind(projector(['live'], 3), 0)).toBeUndefined();
    expect(await readModelsBehind(projector(['catching_up'], 0), 0)).toBeUndefined();
  });
});
