import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { QuoteCommand } from './quote.commands.js';
import { quoteDecider } from './quote.decider.js';
import type { QuoteEvent } from './quote.events.js';

const spec = deciderSpecification(quoteDecider);
const cmd = commandOf<QuoteCommand, QuoteCommand['type']>;
const quoteId = 'Q-1';

// 10 licences at 1000 with 10 % off (9000, cost 6000) + 20 service days at 1500 (30000, cost 24000):
// total 39000, cost 30000, margin 9000 → 23.08 %.
const lines = [
  {
    lineId: 'L-1',
    productLine: 'erp',
    sku: 'ERP-LIC',
    description: 'ERP licence',
    quantity: '10',
    unitPrice: '1000',
    unitCost: '600',
    discountPct: '10',
  },
  {
    lineId: 'L-2',
    productLine: 'erp',
    sku: 'SVC-DAY',
    description: 'Implementation day',
    quantity: '20',
    unitPrice: '1500',
    unitCost: '1200',
    discountPct: '0',
  },
];
// Revision 1 drops the discount: total 40000, margin 10000 → 25.00 %.
const revisedLines = [{ ...lines[0]!, discountPct: '0' }, lines[1]!];

const drafted: QuoteEvent = {
  type: 'QuoteDrafted',
  data: { quoteId, opportunityId: 'O-1', tenderId: 'T-9', currency: 'CNY', lines },
};
const revised: QuoteEvent = {
  type: 'QuoteRevised',
  data: { revision: 1, lines: revisedLines, reason: 'discount not needed' },
};
const requested = (revision: number, marginPct: string): QuoteEvent => ({
  type: 'QuoteApprovalRequested',
  data: { revision, marginPct },
});
const approved = (revision: number, marginPct: string): QuoteEvent => ({
  type: 'QuoteApproved',
  data: { revision, approverId: 'M-1', marginPct },
});
const rejected: QuoteEvent = {
  type: 'QuoteApprovalRejected',
  data: { revision: 0, approverId: 'M-1', reason: 'margin below 25 %' },
};
const sent = (revision: number): QuoteEvent => ({ type: 'QuoteSentToCustomer', data: { revision } });
const accepted: QuoteEvent = {
  type: 'QuoteAccepted',
  data: { revision: 0, contractedAmount: { amount: '38500', currency: 'CNY' } },
};
const declined: QuoteEvent = { type: 'QuoteDeclined', data: { reason: 'budget cut' } };
const approvedDraft = [drafted, requested(0, '23.08'), approved(0, '23.08')];

const draft = cmd('DraftQuote', { quoteId, opportunityId: 'O-1', tenderId: 'T-9', currency: 'CNY', lines });
const revise = cmd('ReviseQuote', { quoteId, lines: revisedLines, reason: 'discount not needed' });
const requestApproval = (revision: number) => cmd('RequestQuoteApproval', { quoteId, revision });
const approve = (revision: number) => cmd('ApproveQuote', { quoteId, revision, approverId: 'M-1' });
const rejectApproval = cmd('RejectQuoteApproval', {
  quoteId,
  revision: 0,
  approverId: 'M-1',
  reason: 'margin below 25 %',
});
const send = (revision: number) => cmd('SendQuoteToCustomer', { quoteId, revision });
const accept = (revision: number, currency = 'CNY') =>
  cmd('AcceptQuote', { quoteId, revision, contractedAmount: { amount: '38500', currency } });
const decline = cmd('DeclineQuote', { quoteId, reason: 'budget cut' });

describe('DraftQuote', () => {
  it('drafts revision 0', () => {
    spec.given([]).when(draft).then([drafted]);
  });

  it('drafts once', () => {
    spec
      .given([drafted])
      .when(draft)
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteDrafted already recorded for this quote');
  });

  it('validates lines: decimals as strings, discount 0-100, unique line ids', () => {
    const bad = cmd('DraftQuote', {
      quoteId,
      opportunityId: 'O-1',
      currency: 'CNY',
      lines: [
        { ...lines[0]!, quantity: '0', discountPct: '120' },
        { ...lines[1]!, lineId: 'L-1', unitPrice: 1500 as unknown as string },
      ],
    });
    const error = spec.given([]).when(bad).thenThrows(ValidationError);
    expect(error.issues.map((issue) => `${issue.path} = ${JSON.stringify(issue.value)}: ${issue.rule}`)).toEqual([
      'lines.0.quantity = "0": must be greater than 0',
      'lines.0.discountPct = "120": must be from 0 to 100',
      'lines.1.unitPrice = 1500: Invalid input: expected string, received number',
    ]);
    const duplicate = cmd('DraftQuote', {
      quoteId,
      opportunityId: 'O-1',
      currency: 'CNY',
      lines: [lines[0]!, { ...lines[1]!, lineId: 'L-1' }],
    });
    spec
      .given([])
      .when(duplicate)
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteDrafted lists line L-1 twice: each lineId once');
  });
});

describe('ReviseQuote', () => {
  it('numbers revisions 1, 2, …', () => {
    spec.given([drafted]).when(revise).then([revised]);
    spec
      .given([drafted, revised])
      .when(revise)
      .then([{ ...revised, data: { ...revised.data, revision: 2 } } as QuoteEvent]);
  });

  it('may revise a sent quote (negotiation)', () => {
    spec
      .given([...approvedDraft, sent(0)])
      .when(revise)
      .then([revised]);
  });

  it('needs a draft first', () => {
    spec
      .given([])
      .when(revise)
      .thenThrows(NotFoundError, 'quote Q-1: not found (QuoteRevised needs QuoteDrafted first)');
  });

  it('on import, the revision number must be the next one', () => {
    const skipped: QuoteEvent = { ...revised, data: { ...revised.data, revision: 3 } } as QuoteEvent;
    expect(() => applyChecked(quoteDecider, foldEvents(quoteDecider, [drafted]), skipped, quoteId)).toThrow(
      'quote Q-1: QuoteRevised numbers revision 3, but the next revision is 1',
    );
  });
});

describe('RequestQuoteApproval', () => {
  it('records the margin derived from the revision lines', () => {
    spec
      .given([drafted])
      .when(requestApproval(0))
      .then([requested(0, '23.08')]);
    spec
      .given([drafted, revised])
      .when(requestApproval(1))
      .then([requested(1, '25.00')]);
  });

  it('asks for the latest revision only, once', () => {
    spec
      .given([drafted, revised])
      .when(requestApproval(0))
      .thenThrows(IllegalStateError, 'quote Q-1: approval requested for revision 0, superseded by revision 1');
    spec
      .given([drafted, requested(0, '23.08')])
      .when(requestApproval(0))
      .thenThrows(IllegalStateError, 'quote Q-1: approval of revision 0 already requested (requested)');
    spec
      .given([drafted, requested(0, '23.08'), rejected])
      .when(requestApproval(0))
      .thenThrows(IllegalStateError, /already requested \(rejected\)/);
  });

  it('names an unknown revision', () => {
    spec
      .given([drafted])
      .when(requestApproval(4))
      .thenThrows(
        NotFoundError,
        'quote Q-1 revision 4: not found (QuoteApprovalRequested names a revision that was never drafted)',
      );
  });

  it('has no margin to approve on a quote that totals 0', () => {
    const free = cmd('DraftQuote', {
      quoteId,
      opportunityId: 'O-1',
      currency: 'CNY',
      lines: [{ ...lines[0]!, discountPct: '100' }],
    });
    const [freeDraft] = quoteDecider.decide(free, quoteDecider.initialState);
    spec
      .given([freeDraft!])
      .when(requestApproval(0))
      .thenThrows(IllegalStateError, 'quote Q-1: revision 0 totals 0: there is no margin to approve');
  });

  it('on import, the recorded margin must be the derived one', () => {
    expect(() => applyChecked(quoteDecider, foldEvents(quoteDecider, [drafted]), requested(0, '30'), quoteId)).toThrow(
      'quote Q-1: QuoteApprovalRequested records marginPct 30, but the lines give 23.08: margin is derived, never entered',
    );
    expect(() =>
      applyChecked(quoteDecider, foldEvents(quoteDecider, [drafted]), requested(0, '23.080'), quoteId),
    ).not.toThrow();
  });
});

describe('ApproveQuote and RejectQuoteApproval', () => {
  it('answers a pending request', () => {
    spec
      .given([drafted, requested(0, '23.08')])
      .when(approve(0))
      .then([approved(0, '23.08')]);
    spec
      .given([drafted, requested(0, '23.08')])
      .when(rejectApproval)
      .then([rejected]);
  });

  it('needs a pending request', () => {
    spec
      .given([drafted])
      .when(approve(0))
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteApproved for revision 0 without a pending approval request');
    spec
      .given(approvedDraft)
      .when(rejectApproval)
      .thenThrows(
        IllegalStateError,
        'quote Q-1: QuoteApprovalRejected for revision 0 without a pending approval request',
      );
  });

  it('on import, the approved margin must be the derived one', () => {
    const state = foldEvents(quoteDecider, [drafted, requested(0, '23.08')]);
    expect(() => applyChecked(quoteDecider, state, approved(0, '40'), quoteId)).toThrow(
      /QuoteApproved records marginPct 40, but the lines give 23.08/,
    );
  });

  it('needs a quote to approve', () => {
    spec
      .given([])
      .when(approve(0))
      .thenThrows(NotFoundError, 'quote Q-1: not found (QuoteApproved needs QuoteDrafted first)');
  });
});

describe('SendQuoteToCustomer', () => {
  it('sends an approved revision', () => {
    spec
      .given(approvedDraft)
      .when(send(0))
      .then([sent(0)]);
  });

  it('sends only an approved revision', () => {
    spec
      .given([drafted])
      .when(send(0))
      .thenThrows(IllegalStateError, 'quote Q-1: only an approved revision can be sent: revision 0 is not requested');
    spec
      .given([drafted, requested(0, '23.08'), rejected])
      .when(send(0))
      .thenThrows(IllegalStateError, /revision 0 is rejected/);
  });

  it('sends the latest revision, once', () => {
    spec
      .given([...approvedDraft, revised])
      .when(send(0))
      .thenThrows(IllegalStateError, 'quote Q-1: revision 0 was superseded by revision 1');
    spec
      .given([...approvedDraft, sent(0)])
      .when(send(0))
      .thenThrows(IllegalStateError, 'quote Q-1: revision 0 already sent');
  });
});

describe('AcceptQuote', () => {
  it('accepts a sent revision, also one a later revision superseded', () => {
    spec
      .given([...approvedDraft, sent(0)])
      .when(accept(0))
      .then([accepted]);
    spec
      .given([...approvedDraft, sent(0), revised])
      .when(accept(0))
      .then([accepted]);
  });

  it('accepts only a sent revision', () => {
    spec
      .given(approvedDraft)
      .when(accept(0))
      .thenThrows(IllegalStateError, 'quote Q-1: only a sent revision can be accepted: revision 0 was not sent');
  });

  it('contracts in the quote currency', () => {
    spec
      .given([...approvedDraft, sent(0)])
      .when(accept(0, 'USD'))
      .thenThrows(IllegalStateError, 'quote Q-1: contractedAmount is in USD, the quote in CNY');
  });
});

describe('DeclineQuote', () => {
  it('records a decline after something was sent', () => {
    spec
      .given([...approvedDraft, sent(0)])
      .when(decline)
      .then([declined]);
  });

  it('cannot be declined before anything was sent', () => {
    spec
      .given(approvedDraft)
      .when(decline)
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteDeclined before any revision was sent');
  });
});

describe('a closed quote', () => {
  it('accepts nothing after acceptance or decline', () => {
    spec
      .given([...approvedDraft, sent(0), accepted])
      .when(revise)
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteRevised after the quote was accepted');
    spec
      .given([...approvedDraft, sent(0), declined])
      .when(accept(0))
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteAccepted after the quote was declined');
    spec
      .given([...approvedDraft, sent(0), declined])
      .when(approve(0))
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteApproved after the quote was declined');
  });

  it('remembers what was contracted', () => {
    expect(foldEvents(quoteDecider, [...approvedDraft, sent(0), accepted])).toMatchObject({
      status: 'accepted',
      revision: 0,
      contractedAmount: { amount: '38500' },
    });
    expect(foldEvents(quoteDecider, [...approvedDraft, sent(0), declined]).status).toBe('declined');
  });

  it('refuses a command addressed to another quote', () => {
    spec
      .given([drafted])
      .when(cmd('DeclineQuote', { quoteId: 'Q-2', reason: 'x' }))
      .thenThrows(IllegalStateError, 'quote Q-1: QuoteDeclined addressed to "Q-2"');
  });
});
