import nx from '@nx/eslint-plugin';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries (DESIGN.md "Repository layout"): one tag per floor, bottom up —
 * layer:domain (domain, contracts), layer:ports (event-store, kpi), layer:services (analytics,
 * audit; interchange and demo beside them), layer:adapters, layer:composition (platform-config:
 * the configuration and the stores it names), layer:apps (api, cli, projector, dashboard).
 * A project imports only floors below its own. Within a floor no arrow is allowed unless listed:
 * the services name theirs with a service:* tag (audit reads analytics and the line format;
 * demo writes the line format). Tags live in each project.json; test/architecture proves each
 * forbidden edge fails.
 */
const BELOW_SERVICES = ['layer:domain', 'layer:ports'];
const depConstraints = [
  // The domain imports nothing of ours.
  { sourceTag: 'layer:domain', onlyDependOnLibsWithTags: [] },
  // Ports see the domain only: the event store knows nothing of KPIs.
  { sourceTag: 'layer:ports', onlyDependOnLibsWithTags: ['layer:domain'] },
  // Services see the floors below, and the services their own tag lists.
  { sourceTag: 'layer:services', onlyDependOnLibsWithTags: [...BELOW_SERVICES, 'layer:services'] },
  { sourceTag: 'service:analytics', onlyDependOnLibsWithTags: BELOW_SERVICES },
  { sourceTag: 'service:interchange', onlyDependOnLibsWithTags: BELOW_SERVICES },
  { sourceTag: 'service:demo', onlyDependOnLibsWithTags: [...BELOW_SERVICES, 'service:interchange'] },
  {
    sourceTag: 'service:audit',
    onlyDependOnLibsWithTags: [...BELOW_SERVICES, 'service:analytics', 'service:interchange'],
  },
  // Adapters implement ports and services, never each other; their tests may use test harnesses.
  { sourceTag: 'layer:adapters', onlyDependOnLibsWithTags: [...BELOW_SERVICES, 'layer:services', 'type:testing'] },
  // The composition floor reads the configuration and opens the adapters it names, for every app that runs the platform.
  { sourceTag: 'layer:composition', onlyDependOnLibsWithTags: [...BELOW_SERVICES, 'layer:services', 'layer:adapters'] },
  {
    sourceTag: 'layer:apps',
    onlyDependOnLibsWithTags: [...BELOW_SERVICES, 'layer:services', 'layer:adapters', 'layer:composition'],
  },
  // Test harnesses and the KPI oracle may read the domain and the ports they exercise.
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', ...BELOW_SERVICES] },
  // Browser-safe libs import browser-safe or shared (pure) ones; the dashboard only contracts and kpi.
  { sourceTag: 'scope:browser', onlyDependOnLibsWithTags: ['scope:browser', 'scope:shared'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['scope:browser'] },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: [
      ...BELOW_SERVICES,
      'layer:services',
      'layer:adapters',
      'layer:composition',
      'layer:apps',
      'type:testing',
    ],
  },
];

/**
 * `@presales/<lib>/testing` entry points hold fixtures, contract suites and fakes: production code
 * never imports them (a fixture's invalid event, a fake's shortcut). Tests, contract suites,
 * testing entry points themselves and the test/ projects may.
 */
/**
 * Imports allowed across the floors above, by exact path. The dashboard computes a quote's totals
 * and margin with the domain's own decimal arithmetic (decision 0039): this one entry of
 * libs/domain holds only decimals, money and the quote totals, and a domain unit test keeps its
 * module graph that small. `@presales/domain` itself stays forbidden to the dashboard.
 */
const ALLOWED_ENTRIES = ['@presales/domain/quote-arithmetic'];

const TEST_SUPPORT = ['**/*.spec.ts', '**/*.contract.ts', '**/src/testing/**', 'test/**'];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/vite.config.mts', '**/vitest.config.mts'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  // Single-file components: Vue's recommended rules (layout is left to formatting), their <script setup
  // lang="ts"> parsed by TypeScript's parser, and the same module boundaries as the .ts files.
  ...vue.configs['flat/recommended'].map((config) => ({ ...config, files: ['**/*.vue'] })),
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { ...vue.configs['no-layout-rules'].rules },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: ALLOWED_ENTRIES, depConstraints },
      ],
      // noUncheckedIndexedAccess is on: a `!` after a checked index is the documented escape hatch.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    ignores: TEST_SUPPORT,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@presales/[^/]+/testing(/.*)?$',
              message: 'a /testing entry point is for tests: production code must not import fixtures or fakes',
            },
          ],
        },
      ],
    },
  },
];
