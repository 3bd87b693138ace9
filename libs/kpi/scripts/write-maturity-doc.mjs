// Writes docs/maturity.md from the built KPI library (run `npm run docs:maturity`, which builds first).
// The library itself does no I/O; this script is the only writer of the page.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import kpi from '../dist/index.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/maturity.md');
writeFileSync(target, kpi.renderMaturityDoc());
console.log(`wrote ${target}`);
