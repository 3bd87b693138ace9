import type { z } from 'zod';
import { IllegalStateError } from '../shared/errors.js';
import { assertNever, type Command } from '../shared/message.js';
import { validate } from '../shared/validate.js';
import { TenderReceivedData, type TenderEvent } from './tender.events.js';
import type { TenderState } from './tender.state.js';

export const ReceiveTenderData = TenderReceivedData;
export type ReceiveTender = Command<'ReceiveTender', z.output<typeof ReceiveTenderData>>;

export type TenderCommand = ReceiveTender;

/** Validate untrusted input into a ReceiveTender command's data, or throw a ValidationError. */
export function parseReceiveTender(input: unknown): ReceiveTender['data'] {
  return validate(ReceiveTenderData, input, 'ReceiveTender');
}

export function decideTender(command: TenderCommand, state: TenderState): readonly TenderEvent[] {
  switch (command.type) {
    case 'ReceiveTender': {
      if (state.status !== 'none') {
        throw new IllegalStateError(`tender ${command.data.tenderId}`, 'TenderReceived already recorded for this tender');
      }
      return [{ type: 'TenderReceived', data: command.data }];
    }
    default:
      return assertNever(command.type, 'tender command');
  }
}
