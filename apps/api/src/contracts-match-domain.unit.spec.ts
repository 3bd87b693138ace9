import { TENDER_KIND_OPTIONS } from '@presales/contracts';
import { TENDER_KINDS } from '@presales/domain';
import { describe, expect, it } from 'vitest';

// contracts must stay free of the domain (the dashboard imports it), so the enum is written
// twice; this keeps the two copies equal.
describe('contracts mirror the domain', () => {
  it('lists the same tender kinds', () => {
    expect([...TENDER_KIND_OPTIONS]).toEqual([...TENDER_KINDS]);
  });
});
