import { describe, expect, it } from 'vitest';
import { demoStartDate } from './demo-seeder.js';

describe('demoStartDate', () => {
  it('starts the demo 24 months before the current month, on its first day', () => {
    expect(demoStartDate(new Date('2026-11-27T10:00:00Z'))).toBe('2024-11-01');
    expect(demoStartDate(new Date('2026-01-31T23:59:59Z'))).toBe('2024-01-01');
  });
});
