import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * One Vitest configuration for every project. Workspace packages are resolved to their
 * TypeScript sources through the `@presales/source` export condition, so tests never run
 * against a stale `dist/` of a sibling library.
 */
export function projectTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions: ['@presales/source'] },
    ssr: { resolve: { conditions: ['@presales/source'] } },
    test: {
      environment: 'node',
      include: ['src/**/*.spec.ts', '*.spec.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      reporters: ['default'],
      // A platform started inside a test logs warnings and errors only, not a line per request,
      // unless the run asks for more.
      env: { LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
      ...overrides,
    },
  });
}
