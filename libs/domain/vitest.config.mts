import { projectTestConfig } from '../../vitest.shared.mjs';

// The domain is pure logic: every rule has a test. `vitest run` fails below 95 % of lines covered.
export default projectTestConfig({
  coverage: {
    enabled: true,
    provider: 'v8',
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.spec.ts'],
    reporter: ['text-summary'],
    thresholds: { lines: 95 },
  },
});
