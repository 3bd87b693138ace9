import { defineConfig } from 'vitest/config';

/**
 * Every project's tests in one Vitest run, each project under its own configuration
 * (vitest.shared.mts; the dashboard's Vite config): `npm run test:unit` runs the `*.unit.spec.ts`
 * files of all of them, which need no build, no engine and no platform process. The e2e folder's
 * default configuration holds only `*.e2e.spec.ts` files; its browser and cluster ones are left out.
 */
export default defineConfig({
  test: {
    projects: [
      'libs/*/vitest.config.mts',
      'apps/*/vitest.config.mts',
      'test/*/vitest.config.mts',
      'dashboards/web/vite.config.mts',
    ],
  },
});
