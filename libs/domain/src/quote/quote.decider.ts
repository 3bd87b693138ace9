import type { Aggregate } from '../shared/aggregate.js';
import { decideQuote, type QuoteCommand } from './quote.commands.js';
import type { QuoteEvent } from './quote.events.js';
import { checkQuoteEvent } from './quote.rules.js';
import { evolveQuote, initialQuoteState, type QuoteState } from './quote.state.js';

export const quoteDecider: Aggregate<QuoteCommand, QuoteEvent, QuoteState> = {
  category: 'quote',
  initialState: initialQuoteState,
  decide: decideQuote,
  evolve: evolveQuote,
  check: checkQuoteEvent,
};
