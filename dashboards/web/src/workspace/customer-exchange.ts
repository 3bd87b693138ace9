import { ApiError } from '../api/http';
import { decimalProblem, quantityValue } from '../forms/decimal-text';
import type { FieldRefusal } from '../forms/server-problems';
import { toUtcIso } from '../forms/form-values';
import { occurredAtOf } from './occurred-at';

export interface RequirementInput {
  title: string;
  category: string;
  priority: string;
  source: string;
  fit: string;
}

/** What one customer exchange form holds; '' is "not part of this exchange". */
export interface ExchangeInput {
  opportunityId: string;
  productLine: string;
  supportRequestId: string;
  activityId: string;
  actualHours: string;
  outcome: string;
  satisfaction: string;
  usedAssetIds: string[];
  requirements: RequirementInput[];
  timeHours: string;
  timeCategory: string;
  /** The day the time is logged on, `YYYY-MM-DD`. */
  date: string;
  nextKind: string;
  nextWhen: string;
  nextHours: string;
  /** When the exchange happened, a `datetime-local` value; '' is now (the API's clock). */
  occurredAt: string;
}

export type PartName =
  | 'acknowledge'
  | 'complete'
  | 'capture'
  | 'assess'
  | 'time'
  | 'next'
  | 'decision'
  | 'section'
  | 'draft'
  | 'revise'
  | 'approval'
  | 'approve'
  | 'reject'
  | 'send'
  | 'timeCell';

/** One command of the chain, with the key that makes it idempotent and what it says when recorded. */
export interface ChainPart {
  readonly key: string;
  readonly name: PartName;
  readonly command:
    | 'AcknowledgePresalesSupport'
    | 'CompleteActivity'
    | 'CaptureRequirement'
    | 'AssessRequirementFit'
    | 'LogTime'
    | 'ScheduleActivity'
    | 'MakeBidDecision'
    | 'AssignResponseSection'
    | 'DraftQuote'
    | 'ReviseQuote'
    | 'RequestQuoteApproval'
    | 'ApproveQuote'
    | 'RejectQuoteApproval'
    | 'SendQuoteToCustomer';
  readonly payload: Readonly<Record<string, unknown>>;
  /** The record's revision the part was planned on, sent as If-Match (a quote's lines are revised on what was read). */
  readonly ifMatch?: string;
  readonly label: Readonly<Record<string, string>>;
  /**
   * Where the form shows what the API says about a field of this part's command: its payload
   * field → the form's field path (`title` → `requirements.1.title`). A field not named here is
   * the form's own (`occurredAt`) or has none, and its refusal stays in the part's message.
   */
  readonly fieldPaths?: Readonly<Record<string, string>>;
}

export type ChainProblem = 'required' | 'quantity' | 'range' | 'decimal';

/**
 * The commands one exchange replaces, in the order the domain needs them (an assessment after
 * its capture, the next step after the completion). Every id the chain introduces and every
 * Idempotency-Key is derived from `chainKey`: the same form sent again names the same records and
 * keys, so what was recorded the first time is answered from its receipt, not recorded twice.
 */
export function customerExchangeParts(
  input: ExchangeInput,
  me: string,
  chainKey: string,
): { parts: ChainPart[]; problems: Record<string, ChainProblem> } {
  const problems: Record<string, ChainProblem> = {};
  const parts: ChainPart[] = [];
  const opportunityId = input.opportunityId.trim();
  if (opportunityId === '') problems['opportunityId'] = 'required';
  const key = (name: string) => `${chainKey}.${name}`;
  // Every part is a fact of the same exchange: one business time for all of them.
  const when = occurredAtOf(input.occurredAt);

  if (input.supportRequestId !== '') {
    parts.push({
      key: key('ack'),
      name: 'acknowledge',
      command: 'AcknowledgePresalesSupport',
      payload: { opportunityId, requestId: input.supportRequestId, consultantId: me, ...when },
      label: { id: input.supportRequestId },
    });
  }
  if (input.activityId !== '') {
    const hours = quantityValue(input.actualHours.trim());
    if (hours === undefined) problems['actualHours'] = input.actualHours.trim() === '' ? 'required' : 'quantity';
    if (input.outcome === '') problems['outcome'] = 'required';
    const satisfaction = input.satisfaction === '' ? undefined : Number(input.satisfaction);
    if (satisfaction !== undefined && !(Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5))
      problems['satisfaction'] = 'range';
    parts.push({
      key: key('complete'),
      name: 'complete',
      command: 'CompleteActivity',
      payload: {
        activityId: input.activityId,
        actualHours: hours ?? 0,
        outcome: input.outcome,
        ...(satisfaction === undefined ? {} : { customerSatisfaction: satisfaction }),
        usedAssetIds: input.usedAssetIds,
        ...when,
      },
      label: { id: input.activityId },
      fieldPaths: { actualHours: 'actualHours', outcome: 'outcome', customerSatisfaction: 'satisfaction' },
    });
  }
  input.requirements.forEach((requirement, index) => {
    const title = requirement.title.trim();
    if (title === '') problems[`requirements.${index}.title`] = 'required';
    for (const field of ['category', 'priority', 'source', 'fit'] as const)
      if (requirement[field] === '') problems[`requirements.${index}.${field}`] = 'required';
    const requirementId = `req-${chainKey}-${index + 1}`;
    parts.push({
      key: key(`req${index + 1}.capture`),
      name: 'capture',
      command: 'CaptureRequirement',
      payload: {
        opportunityId,
        requirementId,
        title,
        category: requirement.category,
        priority: requirement.priority,
        source: requirement.source,
        ...when,
      },
      label: { title },
      fieldPaths: {
        title: `requirements.${index}.title`,
        category: `requirements.${index}.category`,
        priority: `requirements.${index}.priority`,
        source: `requirements.${index}.source`,
      },
    });
    parts.push({
      key: key(`req${index + 1}.assess`),
      name: 'assess',
      command: 'AssessRequirementFit',
      payload: { opportunityId, requirementId, fit: requirement.fit, productLine: input.productLine.trim(), ...when },
      label: { title },
      fieldPaths: { fit: `requirements.${index}.fit`, productLine: 'productLine' },
    });
  });
  if (input.requirements.length > 0 && input.productLine.trim() === '') problems['productLine'] = 'required';
  if (input.timeHours.trim() !== '') {
    const hours = quantityValue(input.timeHours.trim());
    if (hours === undefined || decimalProblem(input.timeHours.trim(), 'positive') !== undefined)
      problems['timeHours'] = 'quantity';
    else if (hours > 24) problems['timeHours'] = 'range';
    if (input.timeCategory === '') problems['timeCategory'] = 'required';
    parts.push({
      key: key('time'),
      name: 'time',
      command: 'LogTime',
      payload: {
        consultantId: me,
        entryId: `time-${chainKey}`,
        date: input.date,
        hours: hours ?? 0,
        category: input.timeCategory,
        opportunityId,
        ...(input.activityId === '' ? {} : { activityId: input.activityId }),
        ...when,
      },
      label: { hours: input.timeHours.trim() },
      fieldPaths: { date: 'date', hours: 'timeHours', category: 'timeCategory' },
    });
  }
  if (input.nextKind !== '') {
    const planned = quantityValue(input.nextHours.trim());
    if (planned === undefined || planned <= 0)
      problems['nextHours'] = input.nextHours.trim() === '' ? 'required' : 'quantity';
    if (input.nextWhen === '') problems['nextWhen'] = 'required';
    parts.push({
      key: key('next'),
      name: 'next',
      command: 'ScheduleActivity',
      payload: {
        activityId: `act-${chainKey}`,
        opportunityId,
        kind: input.nextKind,
        consultantIds: [me],
        scheduledFor: input.nextWhen === '' ? '' : toUtcIso(input.nextWhen),
        plannedHours: planned ?? 0,
        ...when,
      },
      label: { kind: input.nextKind },
      fieldPaths: { kind: 'nextKind', scheduledFor: 'nextWhen', plannedHours: 'nextHours' },
    });
  }
  return { parts, problems };
}

export type PartOutcome =
  | { readonly status: 'recorded' }
  | {
      readonly status: 'failed';
      readonly message: string;
      /** What the API said about the command's fields, when it refused them (400, 422). */
      readonly refusal?: FieldRefusal;
    }
  | { readonly status: 'pending' };

/**
 * Sends the parts one after the other, each with its own key, and stops at the first failure:
 * the outcome says which were recorded, which failed and which were not sent. Parts already
 * recorded (`before`) are not sent again; a failed one is, and if the API had in fact recorded it
 * (the answer was lost on the way back) its key answers the first result instead of a double.
 */
export async function sendParts(
  parts: readonly ChainPart[],
  send: (part: ChainPart) => Promise<void>,
  before: ReadonlyMap<string, PartOutcome> = new Map(),
): Promise<Map<string, PartOutcome>> {
  const outcomes = new Map<string, PartOutcome>(
    parts.map((part) => [
      part.key,
      before.get(part.key)?.status === 'recorded' ? { status: 'recorded' } : { status: 'pending' },
    ]),
  );
  for (const part of parts) {
    if (outcomes.get(part.key)!.status === 'recorded') continue;
    try {
      await send(part);
      outcomes.set(part.key, { status: 'recorded' });
    } catch (error) {
      outcomes.set(part.key, {
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof ApiError ? { refusal: error } : {}),
      });
      break;
    }
  }
  return outcomes;
}

/** A short random key for one exchange form: its parts' keys and new ids are derived from it. */
export function newChainKey(random: () => number = Math.random): string {
  let key = '';
  for (let i = 0; i < 10; i += 1) key += 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32)];
  return key;
}
