import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_AREAS } from './definition.js';
import { renderMaturityDoc } from './maturity-doc.js';
import { MATURITY_PRACTICE_RULES } from './maturity-kpi-practices.js';

const DOC = resolve(__dirname, '../../../docs/maturity.md');

describe('docs/maturity.md', () => {
  const rendered = renderMaturityDoc();

  it('is the page the practice definitions render (regenerate with `npm run docs:maturity`)', () => {
    const onDisk = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '(docs/maturity.md is missing)';
    expect(
      onDisk,
      'docs/maturity.md is stale: run `npm run docs:maturity` at the repository root and commit the result',
    ).toBe(rendered);
  });

  it('has one table per area and level, and every practice in both languages', () => {
    for (const area of PROCESS_AREAS)
      expect(rendered.match(new RegExp(`\\(\`${area}\`\\)\\n\\n### Level 2[\\s\\S]*?### Level 5`))).not.toBeNull();
    expect(rendered.match(/^### Level /gm)).toHaveLength(PROCESS_AREAS.length * 4);
    for (const rule of MATURITY_PRACTICE_RULES) {
      const row = rendered.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`));
      expect(row, rule.id).toContain(rule.meaning.en);
      expect(row, rule.id).toContain(rule.meaning.zh);
      expect(rule.meaning.zh, `${rule.id} has Chinese text`).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.unitsOfWork.zh, `${rule.id} has Chinese units`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says which practices pass with no units of work and which thresholds are fixed', () => {
    expect(rendered).toMatch(
      /\| `bid\.red_kpis_get_actions` \|.*\| request \(default 80 %\) · 请求阈值 \| met · 满足 \|/,
    );
    expect(rendered).toMatch(/\| `bid\.decision_recorded` \|.*\| fails · 不满足 \|/);
    expect(rendered).toMatch(/\| `bid\.actions_effective` \|.*\| 50 % \(fixed · 固定\) \|/);
  });
});
