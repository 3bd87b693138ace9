import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (DESIGN.md "Repository layout"): floors from the bottom up are
 * domain and contracts; ports (event-store, analytics, kpi); adapters; apps and the dashboard.
 * No arrow runs back up. Tags live in each project.json.
 */
const depConstraints = [
  // The domain imports nothing of ours.
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  // Ports see the domain and each other, never an adapter.
  { sourceTag: 'type:port', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:port'] },
  // Adapters implement ports; their tests may use test harnesses.
  { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:port', 'type:domain', 'type:testing'] },
  // Test harnesses and the KPI oracle may read the domain and the ports they exercise.
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:domain', 'type:contracts', 'type:port'] },
  // The dashboard imports only browser-safe libs: contracts and kpi.
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['scope:browser'] },
  { sourceTag: 'scope:browser', onlyDependOnLibsWithTags: ['scope:browser'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:port', 'type:adapter'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:port', 'type:adapter', 'type:testing'] },
];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/vite.config.mts', '**/vitest.config.mts'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      // noUncheckedIndexedAccess is on: a `!` after a checked index is the documented escape hatch.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
];
