import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS } from './event-catalog.js';
import { AGGREGATES } from './aggregates.js';
import { renderDomainCatalog } from './domain-doc.js';

const DOC = resolve(__dirname, '../../../../docs/domain.md');

describe('docs/domain.md', () => {
  const rendered = renderDomainCatalog();

  it('is the catalog the code renders (regenerate with `npm run docs:domain`)', () => {
    const onDisk = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '(docs/domain.md is missing)';
    expect(
      onDisk,
      'docs/domain.md is stale: run `npm run docs:domain` at the repository root and commit the result',
    ).toBe(rendered);
  });

  it('lists every stream category, event type with its schemaVersion, and command', () => {
    for (const aggregate of AGGREGATES) {
      expect(rendered).toContain(`## \`${aggregate.category}-<id>\``);
      for (const type of Object.keys(aggregate.commands)) expect(rendered).toContain(`#### ${type}\n`);
    }
    for (const [type, { schemaVersion }] of Object.entries(EVENT_SCHEMAS))
      expect(rendered).toContain(`#### ${type} (schemaVersion ${schemaVersion})`);
  });

  it('shows fields with their types, enums, optionality, defaults and rules', () => {
    expect(rendered).toContain('| `kind` | rfi \\| rfp \\| rfq \\| tender | yes |  |');
    expect(rendered).toContain('| `receiptRef` | Text | no |  |');
    expect(rendered).toContain('| `allocationPct` | AllocationPct | no (default 50) |  |');
    expect(rendered).toContain('| `hours` | Hours | yes | ≤ 24 |');
    expect(rendered).toContain(
      '| `lines` | QuoteLine[] | yes | at least 1 item; at most 500 items; the complete set of lines, each lineId once |',
    );
    expect(rendered).toContain('| `defaultTarget` | Decimal or null | yes |  |');
    expect(rendered).toContain('| `names.zh` | Text | yes |  |');
    expect(rendered).toContain('| QuoteDrafted | 1 | 2 |');
    expect(rendered).toContain('`competitor` is required when the reason is `competitor`.');
  });
});
