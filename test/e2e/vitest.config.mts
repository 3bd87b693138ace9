import { projectTestConfig } from '../../vitest.shared.mjs';

// Each file starts real platform processes (chDB needs one process per data folder): run files one at a time.
export default projectTestConfig({ include: ['src/**/*.e2e.spec.ts'], fileParallelism: false, testTimeout: 60_000 });
