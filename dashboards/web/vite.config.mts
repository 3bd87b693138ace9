import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@presales/source', 'module', 'browser', 'default'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npm run dev -w @presales/dashboard` against a running platform on :3000.
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: { environment: 'node', include: ['src/**/*.spec.ts'] },
});
