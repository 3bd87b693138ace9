import { describe, expect, it } from 'vitest';
import { createTableStatements } from './table-definition.js';
import { TENDERS_TABLE } from './tables.js';

describe('createTableStatements', () => {
  it('generates a single-node ReplacingMergeTree with a dedup window when tokens are supported', () => {
    const [ddl] = createTableStatements(TENDERS_TABLE, { capabilities: { insertDeduplicationToken: true } });
    expect(ddl).toMatch(/^CREATE TABLE IF NOT EXISTS tenders \(/);
    expect(ddl).toContain('version UInt64');
    expect(ddl).toContain('ENGINE = ReplacingMergeTree(version)');
    expect(ddl).toContain('ORDER BY (tender_id)');
    expect(ddl).toContain('SETTINGS non_replicated_deduplication_window = 10000');
  });

  it('omits the dedup setting for engines without tokens (ClickHouse 18.16)', () => {
    const [ddl] = createTableStatements(TENDERS_TABLE, { capabilities: { insertDeduplicationToken: false } });
    expect(ddl).not.toContain('SETTINGS');
  });

  it('generates ON CLUSTER replicated local tables and a Distributed table sharded by the aggregate id', () => {
    const statements = createTableStatements(TENDERS_TABLE, { capabilities: { insertDeduplicationToken: true }, cluster: 'presales', database: 'analytics' });
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS tenders_local ON CLUSTER presales \(/);
    expect(statements[0]).toContain("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/analytics/tenders_local', '{replica}', version)");
    expect(statements[1]).toBe(
      'CREATE TABLE IF NOT EXISTS tenders ON CLUSTER presales AS tenders_local\nENGINE = Distributed(presales, analytics, tenders_local, cityHash64(tender_id))',
    );
  });

  it('refuses a cluster name that is not a plain identifier', () => {
    expect(() => createTableStatements(TENDERS_TABLE, { capabilities: { insertDeduplicationToken: true }, cluster: 'x; DROP' })).toThrow(RangeError);
  });
});
