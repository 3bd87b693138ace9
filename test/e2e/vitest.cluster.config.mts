import { projectTestConfig } from '../../vitest.shared.mjs';

/**
 * The cluster suite (`npm run test:cluster`): ZooKeeper and four ClickHouse 18.16 servers on
 * loopback (2 shards × 2 replicas) with platform processes on top. One file at a time: each
 * starts its own cluster, and the machine has two cores.
 */
export default projectTestConfig({
  root: import.meta.dirname,
  include: ['src/**/*.cluster.spec.ts'],
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 180_000,
});
