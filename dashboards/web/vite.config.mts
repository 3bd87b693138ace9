import vue from '@vitejs/plugin-vue';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompiledMessages } from './build/precompiled-messages.mts';

/**
 * Brotli and gzip copies of every hashed asset, written once at build time: the API serves them
 * as they are (apps/api/src/dashboard/serve-dashboard.ts) instead of compressing on each request.
 */
function precompress(): Plugin {
  return {
    name: 'presales-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      for (const file of Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name))) {
        const path = join(options.dir!, file);
        const data = await readFile(path);
        await writeFile(`${path}.br`, brotliCompressSync(data));
        await writeFile(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [vue(), precompiledMessages(), precompress()],
  resolve: { conditions: ['@presales/source', 'module', 'browser', 'default'] },
  // Unit tests run in Node (SSR resolution): the workspace's libraries from their sources there too.
  ssr: { resolve: { conditions: ['@presales/source'] } },
  define: {
    // vue-i18n's ESM bundler build: no legacy API, no devtools in production; the build also drops
    // its message compiler, the messages being precompiled (build/precompiled-messages.mts).
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  // `npx nx run dashboard:dev` against a running platform on :3000.
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: { environment: 'node', include: ['src/**/*.spec.ts', 'build/**/*.spec.ts'] },
});
