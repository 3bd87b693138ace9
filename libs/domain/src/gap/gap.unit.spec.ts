import { describe, expect, it } from 'vitest';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { ProductGapCommand } from './gap.commands.js';
import { productGapDecider } from './gap.decider.js';
import type { ProductGapEvent } from './gap.events.js';

const spec = deciderSpecification(productGapDecider);
const cmd = commandOf<ProductGapCommand, ProductGapCommand['type']>;
const gapId = 'G-1';

const identification = { gapId, productLine: 'erp', title: 'No SM2/SM4 encryption', severity: 'deal_breaker' } as const;
const identified: ProductGapEvent = { type: 'ProductGapIdentified', data: identification };
const closed: ProductGapEvent = { type: 'ProductGapClosed', data: { release: 'ERP 8.2' } };
const close = cmd('CloseProductGap', { gapId, release: 'ERP 8.2' });

describe('IdentifyProductGap', () => {
  it('identifies a gap once', () => {
    spec.given([]).when(cmd('IdentifyProductGap', identification)).then([identified]);
    spec
      .given([identified])
      .when(cmd('IdentifyProductGap', identification))
      .thenThrows(IllegalStateError, 'product gap G-1: ProductGapIdentified already recorded for this product gap');
  });

  it('knows the severities', () => {
    spec
      .given([])
      .when(cmd('IdentifyProductGap', { ...identification, severity: 'critical' as 'major' }))
      .thenThrows(ValidationError, /severity = "critical"/);
  });
});

describe('CloseProductGap', () => {
  it('closes an open gap once', () => {
    spec.given([identified]).when(close).then([closed]);
    spec
      .given([identified, closed])
      .when(close)
      .thenThrows(IllegalStateError, 'product gap G-1: ProductGapClosed again: already closed in release ERP 8.2');
    expect(foldEvents(productGapDecider, [identified, closed])).toMatchObject({ status: 'closed', release: 'ERP 8.2' });
  });

  it('needs the gap first', () => {
    spec
      .given([])
      .when(close)
      .thenThrows(NotFoundError, 'product gap G-1: not found (ProductGapClosed needs ProductGapIdentified first)');
  });
});
