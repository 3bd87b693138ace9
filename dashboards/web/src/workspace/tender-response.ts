import { toUtcIso } from '../forms/form-values';
import type { ChainPart, ChainProblem } from './customer-exchange';
import { occurredAtOf } from './occurred-at';

export interface SectionInput {
  title: string;
  assigneeId: string;
  /** A local date-time input's value, or an ISO time. */
  dueAt: string;
}

/** What the "respond to a tender" form holds. */
export interface TenderResponseInput {
  tenderId: string;
  decision: string;
  rationale: string;
  score: string;
  sections: SectionInput[];
  /** When the bid was decided and the sections assigned, a `datetime-local` value; '' is now. */
  occurredAt: string;
}

/**
 * Respond to a tender: the bid decision, then (when bidding) each response section assigned with
 * its due date, as keyed parts of one submission like the customer exchange (decision 0031).
 */
export function tenderResponseParts(
  input: TenderResponseInput,
  chainKey: string,
): { parts: ChainPart[]; problems: Record<string, ChainProblem> } {
  const problems: Record<string, ChainProblem> = {};
  const parts: ChainPart[] = [];
  const tenderId = input.tenderId.trim();
  const when = occurredAtOf(input.occurredAt);
  if (tenderId === '') problems['tenderId'] = 'required';
  if (input.decision === '') problems['decision'] = 'required';
  if (input.rationale.trim() === '') problems['rationale'] = 'required';
  const score = /^\d{1,3}$/.test(input.score.trim()) ? Number(input.score.trim()) : undefined;
  if (score === undefined || score > 100) problems['score'] = input.score.trim() === '' ? 'required' : 'range';
  parts.push({
    key: `${chainKey}.decision`,
    name: 'decision',
    command: 'MakeBidDecision',
    payload: { tenderId, decision: input.decision, rationale: input.rationale.trim(), score: score ?? 0, ...when },
    label: { decision: input.decision },
  });
  if (input.decision !== 'bid') return { parts, problems };
  input.sections.forEach((section, index) => {
    const title = section.title.trim();
    if (title === '') problems[`sections.${index}.title`] = 'required';
    if (section.assigneeId === '') problems[`sections.${index}.assigneeId`] = 'required';
    if (section.dueAt === '') problems[`sections.${index}.dueAt`] = 'required';
    parts.push({
      key: `${chainKey}.section${index + 1}`,
      name: 'section',
      command: 'AssignResponseSection',
      payload: {
        tenderId,
        sectionId: `sec-${chainKey}-${index + 1}`,
        title,
        assigneeId: section.assigneeId,
        dueAt: section.dueAt === '' ? '' : toUtcIso(section.dueAt),
        ...when,
      },
      label: { title },
    });
  });
  return { parts, problems };
}
