import { projectTestConfig } from '../../vitest.shared.mjs';

/** Browser tests: the real dashboard in Debian's Chromium through playwright-core (`npm run test:browser`). */
export default projectTestConfig({
  root: import.meta.dirname,
  include: ['src/**/*.browser.spec.ts'],
  fileParallelism: false,
  testTimeout: 90_000,
});
