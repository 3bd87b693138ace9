import { assertNever } from '../shared/message.js';
import type { ProductGapEvent, ProductGapIdentified } from './gap.events.js';

export interface ProductGapFacts {
  readonly gapId: string;
  readonly productLine: string;
  readonly severity: ProductGapIdentified['data']['severity'];
}

export type ProductGapState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly gap: ProductGapFacts }
  | { readonly status: 'closed'; readonly gap: ProductGapFacts; readonly release: string };

export const initialProductGapState: ProductGapState = { status: 'none' };

export function evolveProductGap(state: ProductGapState, event: ProductGapEvent): ProductGapState {
  switch (event.type) {
    case 'ProductGapIdentified': {
      const { gapId, productLine, severity } = event.data;
      return { status: 'open', gap: { gapId, productLine, severity } };
    }
    case 'ProductGapClosed':
      return state.status === 'open' ? { status: 'closed', gap: state.gap, release: event.data.release } : state;
    default:
      return assertNever(event, 'product gap event');
  }
}
