import { ValidationError } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { REVISED_LINES } from '../testing/dispute-scenario.js';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { parseMoment } from './moment.js';
import { diffStates } from './state-diff.js';

const moment = (text: string) => parseMoment(text, 'test', 'moment');

describe('difference between two moments', () => {
  it('lists the quote lines added, changed and removed after the submission, and the event that did it', async () => {
    const store = await storeWithDisputes({ key: 'a', reviseQuoteAfterSubmission: true });
    const diff = await diffStates(store, 'quote-Q-a', moment('2026-03-14T16:00:00Z'), moment('head'));
    expect(diff.quoteLines).toEqual({
      fromRevision: 0,
      toRevision: 1,
      added: [REVISED_LINES[1]],
      changed: [{ lineId: 'L1', fields: [{ field: 'unitPrice', from: '1000', to: '900' }] }],
      removed: [expect.objectContaining({ lineId: 'L2' })],
    });
    expect(diff.events.map((e) => [e.type, e.revision, e.recordedAt])).toEqual([
      ['QuoteRevised', '4', '2026-03-20T09:00:00.000Z'],
    ]);
    expect(diff.from).toMatchObject({ through: { revision: '3' }, status: 'open' });
    expect(diff.fields.added.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'state.revisions[1].approval',
        'derived.revisions[1].total.amount',
        'derived.revisions[1].marginPct',
      ]),
    );
    expect(diff.fields.changed).toEqual([]);
    expect(diff.fields.removed).toEqual([]);
  });

  it('lists the fields that changed between two revisions of a tender', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    const diff = await diffStates(store, 'tender-T-a', moment('0'), moment('5'));
    expect(diff.fields.changed).toEqual([
      { path: 'state.status', from: 'open', to: 'submitted' },
      { path: 'state.work.decision', from: 'undecided', to: 'bid' },
      { path: 'state.work.reviewIds', from: [], to: ['R1'] },
    ]);
    expect(diff.fields.added.map((f) => f.path)).toEqual([
      'state.work.sections.S1.assigneeId',
      'state.work.sections.S1.drafts',
      'state.submission.documentSha256',
      'state.submission.channel',
      'derived.submission.occurredAt',
      'derived.submission.recordedAt',
      'derived.submission.claimedLate',
      'derived.submission.recordedLate',
    ]);
    expect(diff.fields.removed).toEqual([]);
    expect(diff.events).toHaveLength(5);
  });

  it('refuses a `from` after `to`', async () => {
    const store = await storeWithDisputes({ key: 'a' });
    await expect(diffStates(store, 'tender-T-a', moment('4'), moment('2'))).rejects.toThrow(ValidationError);
    await expect(diffStates(store, 'tender-T-a', moment('head'), moment('2026-02-02T00:00:00Z'))).rejects.toThrow(
      /from = "head": must not be after `to`/,
    );
  });
});
