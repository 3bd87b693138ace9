import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterNodeConfig } from './cluster-config.js';
import { ONE_HOST_LAYOUT, oneHostDataDir } from './one-host-layout.js';

const ONE_HOST_DIR = join(__dirname, '..', '..', '..', '..', 'infra', 'clickhouse-cluster', 'one-host');

describe('infra/clickhouse-cluster/one-host', () => {
  // WRITE_INFRA=1 writes the files out after a change of the layout or of the generator.
  if (process.env['WRITE_INFRA'] === '1') {
    mkdirSync(ONE_HOST_DIR, { recursive: true });
    for (const node of ONE_HOST_LAYOUT.nodes)
      writeFileSync(
        join(ONE_HOST_DIR, `${node.name}.xml`),
        clusterNodeConfig(ONE_HOST_LAYOUT, node, { dataDir: oneHostDataDir(node.name) }),
      );
  }

  it.each(ONE_HOST_LAYOUT.nodes.map((node) => [node.name, node] as const))(
    '%s.xml is what configures the test cluster, with its own ports and folders',
    (name, node) => {
      const file = join(ONE_HOST_DIR, `${name}.xml`);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(
        clusterNodeConfig(ONE_HOST_LAYOUT, node, { dataDir: oneHostDataDir(name) }),
      );
    },
  );

  it('gives every server ports no other uses, and two replicas to each shard', () => {
    const ports = ONE_HOST_LAYOUT.nodes.flatMap((n) => [n.httpPort, n.tcpPort, n.interserverHttpPort]);
    expect(new Set([...ports, ONE_HOST_LAYOUT.zooKeeper[0]!.port]).size).toBe(ports.length + 1);
    expect(ONE_HOST_LAYOUT.nodes.map((n) => n.shard)).toEqual(['01', '01', '02', '02']);
  });
});
