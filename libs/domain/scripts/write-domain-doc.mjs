// Writes docs/domain.md from the built domain library (run `npm run docs:domain`, which builds first).
// The library itself does no I/O; this script is the only writer of the catalog.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import domain from '../dist/index.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/domain.md');
writeFileSync(target, domain.renderDomainCatalog());
console.log(`wrote ${target}`);
