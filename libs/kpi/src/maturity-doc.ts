import { PROCESS_AREAS } from './definition.js';
import { MATURITY_LEVELS, DEFAULT_PRACTICE_THRESHOLD } from './maturity.js';
import { MATURITY_PRACTICE_RULES } from './maturity-kpi-practices.js';
import { AREA_NAMES, type PracticeRule } from './maturity-practice.js';

const percent = (share: number) => `${Math.round(share * 100)} %`;

function thresholdText(rule: PracticeRule): string {
  return rule.threshold.kind === 'request'
    ? `request (default ${percent(DEFAULT_PRACTICE_THRESHOLD)}) · 请求阈值`
    : `${percent(rule.threshold.share)} (fixed · 固定)`;
}

const NO_UNITS = { fails: 'fails · 不满足', passes: 'met · 满足' } as const;

/** A table cell: pipes escaped, one line. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function practiceTable(rules: readonly PracticeRule[]): string[] {
  return [
    '| practice 实践 | meaning | 含义 | units of work · 工作单位 | threshold · 阈值 | no units · 无单位时 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rules.map(
      (r) =>
        `| \`${r.id}\` | ${cell(r.meaning.en)} | ${cell(r.meaning.zh)} | ${cell(r.unitsOfWork.en)}<br>${cell(r.unitsOfWork.zh)} | ${thresholdText(r)} | ${NO_UNITS[r.whenNoUnits]} |`,
    ),
  ];
}

/**
 * docs/maturity.md: every practice of every area and level, rendered from the definitions the
 * platform measures (libs/kpi), so the page cannot say what the code does not do.
 */
export function renderMaturityDoc(): string {
  const lines = [
    '# Maturity levels — the rules · 成熟度等级规则',
    '',
    '<!-- Generated from libs/kpi (maturity-practices.ts, maturity-kpi-practices.ts): do not edit. Run `npm run docs:maturity`. -->',
    '',
    'Each process area is assessed over a window: the `window` quarters (default 2) before the quarter of `asOf`, counting only',
    'events recorded by `asOf`. A practice counts its units of work in the window and those that satisfy it; it passes when',
    'their share reaches its threshold. A level counts only when its practices pass and every lower level is satisfied too',
    "(CMMI's staged rule). `GET /api/maturity` answers with the same practices, their meaning in both languages, the evidence",
    'count, threshold, pass/fail and the failing units. The edge cases are decided in',
    '[decision 0023](decisions/0023-maturity-edge-cases.md).',
    '',
    '每个过程领域按窗口评估：`asOf` 所在季度之前的 `window` 个季度（默认 2 个），只计入 `asOf` 之前记录的事件。每个实践统计窗口内的',
    '工作单位及其中满足要求的单位；满足比例达到阈值即通过。某一等级只有在其全部实践通过且所有更低等级都满足时才成立（CMMI 阶段式规则）。',
    '`GET /api/maturity` 返回相同的实践、中英文含义、证据数、阈值、是否通过以及未达标的单位。边界情况见决策 0023。',
    '',
    '| level 等级 | name | 名称 | satisfied when · 满足条件 |',
    '| --- | --- | --- | --- |',
    ...MATURITY_LEVELS.map(
      ({ level, name, zh }) =>
        `| ${level} | ${name} | ${zh} | ${level === 1 ? 'always · 始终满足' : `every level-${level} practice below passes, and level ${level - 1} is satisfied · 下列 ${level} 级实践全部通过，且 ${level - 1} 级已满足`} |`,
    ),
    '',
  ];
  for (const area of PROCESS_AREAS) {
    lines.push(`## ${AREA_NAMES[area].en} · ${AREA_NAMES[area].zh} (\`${area}\`)`, '');
    for (const { level, name, zh } of MATURITY_LEVELS.filter((l) => l.level > 1)) {
      lines.push(
        `### Level ${level} — ${name} · ${zh}`,
        '',
        ...practiceTable(MATURITY_PRACTICE_RULES.filter((r) => r.area === area && r.level === level)),
        '',
      );
    }
  }
  return lines.join('\n');
}
