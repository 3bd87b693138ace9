import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';
import { QuoteDraftedData } from './quote.events.js';
import { QUOTE_UPCASTERS } from './quote.upcasters.js';

const v1Line = {
  lineId: 'L-1',
  productLine: 'erp',
  sku: 'ERP-LIC',
  description: 'ERP licence',
  quantity: '10',
  unitPrice: '900',
  unitCost: '600',
};
const v1 = { quoteId: 'Q-1', opportunityId: 'O-1', currency: 'CNY', lines: [v1Line] };
const upcastV1 = QUOTE_UPCASTERS['QuoteDrafted']![1]!;

describe('QuoteDrafted v1 → v2', () => {
  it('gives every line discountPct "0", which the current schema accepts', () => {
    const v2 = upcastV1(v1);
    expect(v2).toEqual({ ...v1, lines: [{ ...v1Line, discountPct: '0' }] });
    expect(validate(QuoteDraftedData, v2, 'QuoteDrafted')).toEqual(v2);
  });

  it('rejects data that is not a valid v1 QuoteDrafted, saying which version was expected', () => {
    expect(() => upcastV1({ ...v1, lines: [{ ...v1Line, discountPct: '5' }] })).toThrow(ValidationError);
    expect(() => upcastV1({ ...v1, lines: [{ ...v1Line, discountPct: '5' }] })).toThrow(
      /^QuoteDrafted schemaVersion 1: lines.0 = .*Unrecognized key: "discountPct"/,
    );
  });
});
