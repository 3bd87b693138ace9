import type { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId } from '../shared/primitives.js';
import { ProductGapClosedData, ProductGapIdentifiedData, type ProductGapEvent } from './gap.events.js';
import { checkProductGapEvent } from './gap.rules.js';
import { evolveProductGap, type ProductGapState } from './gap.state.js';

export const IdentifyProductGapData = ProductGapIdentifiedData;
export const CloseProductGapData = ProductGapClosedData.safeExtend({ gapId: EntityId }).meta(
  metaOf(ProductGapClosedData),
);

export const GAP_COMMAND_SCHEMAS = {
  IdentifyProductGap: IdentifyProductGapData,
  CloseProductGap: CloseProductGapData,
} as const;

export type IdentifyProductGap = Command<'IdentifyProductGap', z.input<typeof IdentifyProductGapData>>;
export type CloseProductGap = Command<'CloseProductGap', z.input<typeof CloseProductGapData>>;

export type ProductGapCommand = IdentifyProductGap | CloseProductGap;

type ValidProductGapCommand = ValidCommandUnion<typeof GAP_COMMAND_SCHEMAS>;

export function decideProductGap(command: ProductGapCommand, state: ProductGapState): readonly ProductGapEvent[] {
  const valid = validateCommand(GAP_COMMAND_SCHEMAS, command);
  return checkedEvents(checkProductGapEvent, evolveProductGap, state, valid.data.gapId, valid.metadata.occurredAt, [
    gapEventFor(valid),
  ]);
}

function gapEventFor(command: ValidProductGapCommand): ProductGapEvent {
  switch (command.type) {
    case 'IdentifyProductGap':
      return { type: 'ProductGapIdentified', data: command.data };
    case 'CloseProductGap':
      return { type: 'ProductGapClosed', data: without(command.data, 'gapId') };
    default:
      return assertNever(command, 'product gap command');
  }
}
