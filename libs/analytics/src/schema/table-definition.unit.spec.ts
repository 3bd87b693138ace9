import { describe, expect, it } from 'vitest';
import { createTableStatements } from './table-definition.js';
import { CHECKPOINTS_TABLE_DEFINITION as TABLE } from './tables.js';

describe('createTableStatements', () => {
  it('generates a single-node ReplacingMergeTree with a dedup window when tokens are supported', () => {
    const [ddl] = createTableStatements(TABLE, { capabilities: { insertDeduplicationToken: true } });
    expect(ddl).toMatch(/^CREATE TABLE IF NOT EXISTS projection_checkpoints \(/);
    expect(ddl).toContain('version UInt64');
    expect(ddl).toContain('ENGINE = ReplacingMergeTree(version)');
    expect(ddl).toContain('ORDER BY (subscriber)');
    expect(ddl).toContain('SETTINGS non_replicated_deduplication_window = 10000');
  });

  it('omits the dedup setting for engines without tokens (ClickHouse 18.16)', () => {
    const [ddl] = createTableStatements(TABLE, { capabilities: { insertDeduplicationToken: false } });
    expect(ddl).not.toContain('SETTINGS');
  });

  it('generates ON CLUSTER replicated local tables and a Distributed table sharded by the aggregate id', () => {
    const statements = createTableStatements(TABLE, {
      capabilities: { insertDeduplicationToken: true },
      cluster: 'presales',
      database: 'analytics',
    });
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(
      /^CREATE TABLE IF NOT EXISTS analytics.projection_checkpoints_local ON CLUSTER presales \(/,
    );
    expect(statements[0]).toContain(
      "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/analytics/projection_checkpoints_local', '{replica}', version)",
    );
    expect(statements[1]).toBe(
      'CREATE TABLE IF NOT EXISTS analytics.projection_checkpoints ON CLUSTER presales AS analytics.projection_checkpoints_local\nENGINE = Distributed(presales, analytics, projection_checkpoints_local, cityHash64(subscriber))',
    );
  });

  it('refuses a cluster name that is not a plain identifier', () => {
    expect(() =>
      createTableStatements(TABLE, { capabilities: { insertDeduplicationToken: true }, cluster: 'x; DROP' }),
    ).toThrow(RangeError);
  });
});
