import { describe, expect, it } from 'vitest';
import { NO_CONTEXT, recordedTender } from '../testing/fixtures.js';
import { projectEvents } from './project-events.js';

describe('projectEvents', () => {
  it('puts every event in `events` and each domain event in its fact table', () => {
    const rows = projectEvents(
      [recordedTender(1n, 'T-1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z')],
      NO_CONTEXT,
    );
    expect(rows.get('events')).toHaveLength(1);
    expect(rows.get('tender_received')).toEqual([
      expect.objectContaining({ tender_id: 'T-1', entity_id: 'T-1', position: 1, version: 1 }),
    ]);
  });

  it('keeps the audit-read log out of the analytics tables', () => {
    const auditRead = {
      ...recordedTender(2n, 'x', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z'),
      streamId: 'audit-2026-01-01',
      type: 'AuditRead',
    };
    const rows = projectEvents([auditRead], NO_CONTEXT);
    expect(rows.get('events')).toEqual([]);
  });
});
