import { quoteTotals } from '@presales/domain/quote-arithmetic';
import { describe, expect, it } from 'vitest';
import { lineProblems, liveTotals, marginStanding, quoteDiff, type LineInput } from './quote-lines';
import { groupedAmount } from './quote-record';
import { reviseQuoteParts, type ReviseQuoteInput } from './revise-quote';

const core: LineInput = {
  lineId: 'l1',
  productLine: 'erp',
  sku: 'ERP-CORE',
  description: 'Core licence',
  quantity: '3',
  unitPrice: '1000.005',
  unitCost: '600',
  discountPct: '12.5',
};
const services: LineInput = {
  ...core,
  lineId: 'l2',
  sku: 'SVC',
  description: 'Services',
  quantity: '10',
  unitPrice: '800',
  unitCost: '500',
  discountPct: '0',
};

describe('the quote builder’s live totals', () => {
  it('are the domain’s own quoteTotals of the lines as typed, rounded per line half up', () => {
    const totals = liveTotals([core, services], 'CNY')!;
    expect(totals).toEqual(quoteTotals([core, services], 'CNY'));
    expect(totals.total.amount).toBe('10625.01');
    expect(totals.marginPct).toBe('36.00');
  });

  it('wait while an amount is not a decimal yet, and name the field the API would name', () => {
    const typing = { ...core, quantity: '3.', unitCost: '-1' };
    expect(liveTotals([typing], 'CNY')).toBeNull();
    expect(lineProblems([typing, { ...services, lineId: 'l1' }])).toEqual({
      'lines.0.quantity': 'decimal',
      'lines.0.unitCost': 'notNegative',
      'lines.1.lineId': 'duplicate',
    });
    expect(lineProblems([])).toEqual({ lines: 'rows' });
  });

  it('stand against the approval threshold, none when the total is 0', () => {
    expect(marginStanding('35.06', '30')).toBe('meets');
    expect(marginStanding('30.00', '30')).toBe('meets');
    expect(marginStanding('29.99', '30')).toBe('below');
    expect(marginStanding(null, '30')).toBe('none');
  });

  it('group an amount’s exact text without rounding it', () => {
    expect(groupedAmount('1234567.50')).toBe('1,234,567.50');
    expect(groupedAmount('-999')).toBe('-999');
  });
});

describe('the diff against the previous revision', () => {
  it('lists lines added, removed and changed field by field; 1.50 and 1.5 are one amount', () => {
    const previous = [core, services];
    const next = [
      { ...core, unitPrice: '1000.00500', discountPct: '15' },
      { ...services, lineId: 'l3' },
    ];
    expect(quoteDiff(previous, next)).toEqual([
      { kind: 'changed', lineId: 'l1', fields: [{ field: 'discountPct', before: '12.5', after: '15' }] },
      { kind: 'added', lineId: 'l3' },
      { kind: 'removed', lineId: 'l2' },
    ]);
    expect(quoteDiff(previous, [core, services])).toEqual([]);
  });
});

describe('revise a quote in one step', () => {
  const input: ReviseQuoteInput = {
    quoteId: 'q-1',
    currency: 'CNY',
    previous: [core],
    nextRevision: 1,
    streamRevision: '4',
    lines: [core, services],
    reason: 'services added',
  };

  it('is the revision on the revision read (If-Match) and its approval request, keyed from one chain key', () => {
    const { parts, problems } = reviseQuoteParts(input, { thresholdPct: '30' }, 'k9');
    expect(problems).toEqual({});
    expect(parts.map((part) => [part.key, part.command, part.ifMatch])).toEqual([
      ['k9.revise', 'ReviseQuote', '4'],
      ['k9.approval', 'RequestQuoteApproval', undefined],
    ]);
    expect(parts[0]!.payload).toEqual({ quoteId: 'q-1', lines: [core, services], reason: 'services added' });
    expect(parts[1]!.payload).toEqual({ quoteId: 'q-1', revision: 1 });
  });

  it('approves and sends too when an approver revises and the margin meets the threshold, not below it', () => {
    const meets = reviseQuoteParts(input, { thresholdPct: '36', approverId: 'mia' }, 'k9').parts;
    expect(meets.map((part) => part.command)).toEqual([
      'ReviseQuote',
      'RequestQuoteApproval',
      'ApproveQuote',
      'SendQuoteToCustomer',
    ]);
    expect(meets[2]!.payload).toEqual({ quoteId: 'q-1', revision: 1, approverId: 'mia' });
    const below = reviseQuoteParts(input, { thresholdPct: '36.01', approverId: 'mia' }, 'k9').parts;
    expect(below.map((part) => part.command)).toEqual(['ReviseQuote', 'RequestQuoteApproval']);
  });

  it('refuses a revision without a reason, with a bad line, or that changes nothing', () => {
    expect(reviseQuoteParts({ ...input, reason: ' ' }, { thresholdPct: '30' }, 'k').problems).toEqual({
      reason: 'required',
    });
    expect(reviseQuoteParts({ ...input, lines: [core] }, { thresholdPct: '30' }, 'k').problems).toEqual({
      lines: 'unchanged',
    });
    expect(
      reviseQuoteParts({ ...input, lines: [{ ...core, quantity: '0' }] }, { thresholdPct: '30' }, 'k').problems,
    ).toEqual({ 'lines.0.quantity': 'positive' });
  });
});
