import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { chainFieldProblems } from './chain-problems';
import { customerExchangeParts, sendParts, type ExchangeInput } from './customer-exchange';

const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

const input: ExchangeInput = {
  opportunityId: 'O-1',
  supportRequestId: '',
  activityId: '',
  actualHours: '',
  outcome: '',
  satisfaction: '',
  usedAssetIds: [],
  requirements: [
    { title: 'SSO', category: 'security', priority: 'must', source: 'meeting', fit: 'full' },
    { title: 'Audit log', category: 'compliance', priority: 'should', source: 'meeting', fit: 'partial' },
  ],
  productLine: 'erp',
  timeHours: '2',
  timeCategory: 'customer_facing',
  date: '2026-08-03',
  nextKind: '',
  nextWhen: '',
  nextHours: '',
  occurredAt: '2026-08-03T10:00',
};

/** Sends the exchange's parts with the API refusing the part named `refused` with `error`. */
async function refusedAt(refused: string, error: unknown) {
  const { parts } = customerExchangeParts(input, 'ana', 'k1');
  const outcomes = await sendParts(parts, async (part) => {
    if (part.key === refused) throw error;
  });
  return chainFieldProblems(parts, outcomes, t);
}

describe('a chain’s refused part, on the form’s fields', () => {
  it('puts a 400’s fields of the second requirement on that requirement’s fields', async () => {
    const error = new ApiError(400, 'validation', 'CaptureRequirement: invalid', null, [
      { path: 'category', rule: 'must be one of functional, security' },
      { path: 'title', rule: 'is required' },
    ]);
    expect(await refusedAt('k1.req2.capture', error)).toEqual({
      'requirements.1.category': 'workspace.server.invalid {"rule":"must be one of functional, security"}',
      'requirements.1.title': 'workspace.problems.required',
    });
  });

  it('puts a 422 about when it happened on the form’s "when it happened", whatever the part', async () => {
    const error = new ApiError(
      422,
      'illegal_state',
      'LogTime at … is before the record began',
      null,
      [],
      ['occurredAt'],
    );
    expect(await refusedAt('k1.time', error)).toEqual({
      occurredAt: 'workspace.server.refused {"rule":"LogTime at … is before the record began"}',
    });
  });

  it('maps a part’s own names to the form’s (hours → timeHours), and leaves out what the form has no field for', async () => {
    const error = new ApiError(400, 'validation', 'LogTime: invalid', null, [
      { path: 'hours', rule: 'must be at most 24' },
      { path: 'consultantId', rule: 'is not a consultant' },
    ]);
    expect(await refusedAt('k1.time', error)).toEqual({
      timeHours: 'workspace.server.invalid {"rule":"must be at most 24"}',
    });
  });

  it('shows nothing on fields for a failure that is not a refusal of fields (the network)', async () => {
    expect(await refusedAt('k1.req1.assess', new TypeError('Failed to fetch'))).toEqual({});
  });
});
