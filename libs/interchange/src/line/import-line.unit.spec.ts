import { describe, expect, it } from 'vitest';
import { writerMetadataOf } from './import-line.js';
import type { LineMetadata } from './line-envelope.js';

describe('writerMetadataOf', () => {
  it("keeps the writer's fields and drops the store's stamps, the schema version and undefined members", () => {
    const metadata = {
      occurredAt: '2026-01-15T10:00:00Z',
      actor: { id: 'u-1', role: 'admin' },
      correlationId: 'c-1',
      causationId: undefined,
      schemaVersion: 2,
      recordedAt: '2026-01-15T10:00:01Z',
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
      source: 'crm',
    } as LineMetadata;
    expect(writerMetadataOf(metadata)).toEqual({
      occurredAt: '2026-01-15T10:00:00Z',
      actor: { id: 'u-1', role: 'admin' },
      correlationId: 'c-1',
      source: 'crm',
    });
    expect(Object.keys(writerMetadataOf(metadata))).not.toContain('causationId');
  });
});
