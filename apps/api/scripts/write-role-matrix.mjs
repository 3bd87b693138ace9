// Writes the role matrix into docs/sign-in.md between its markers, from the built route table
// (npm run docs:roles builds first). The role-matrix test fails while the doc differs.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { CONTROLLERS } = require('../dist/app.module.js');
const { routeTable, roleMatrixMarkdown } = require('../dist/auth/access/route-table.js');

const file = join(root, 'docs', 'sign-in.md');
const doc = readFileSync(file, 'utf8');
const start = '<!-- role-matrix:start -->';
const end = '<!-- role-matrix:end -->';
const before = doc.slice(0, doc.indexOf(start) + start.length);
const after = doc.slice(doc.indexOf(end));
if (doc.indexOf(start) < 0 || doc.indexOf(end) < 0) throw new Error(`${file}: markers ${start} and ${end} are missing`);
writeFileSync(file, `${before}\n${roleMatrixMarkdown(routeTable(CONTROLLERS))}\n${after}`);
console.log(`wrote the role matrix into ${file}`);
