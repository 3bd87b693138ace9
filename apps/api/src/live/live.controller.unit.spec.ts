import type { MessageEvent } from '@nestjs/common';
import type { Projector } from '@presales/analytics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveController } from './live.controller.js';

describe('GET /api/live', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the checkpoint on connecting and again only when it moves, and ends on shutdown', () => {
    vi.useFakeTimers();
    let checkpoint = 10n;
    const projector = { status: () => ({ state: 'live', checkpoint }) } as unknown as Projector;
    const controller = new LiveController(projector);
    const events: MessageEvent[] = [];
    let completed = false;
    controller.checkpoints().subscribe({ next: (event) => events.push(event), complete: () => (completed = true) });
    vi.advanceTimersByTime(1500);
    checkpoint = 12n;
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([
      { type: 'checkpoint', data: { checkpoint: '10' } },
      { type: 'checkpoint', data: { checkpoint: '12' } },
    ]);
    controller.onModuleDestroy();
    expect(completed).toBe(true);
  });
});
