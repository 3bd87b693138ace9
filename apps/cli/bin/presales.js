#!/usr/bin/env node
// Thin launcher so `npx presales` works from a fresh clone once `npm run build` has run.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  console.error(
    'presales: the CLI is not built yet. Run `npm run build` (or `npm start`) from the repository root first.',
  );
  process.exit(1);
}
require(main);
