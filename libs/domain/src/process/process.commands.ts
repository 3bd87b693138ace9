import { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { validateCommand, type ValidCommandUnion } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { NonEmptyText, UniqueList } from '../shared/primitives.js';
import { PROCESS_AREAS } from '../shared/vocabulary.js';
import type { ProcessStandardEvent } from './process.events.js';
import { checkProcessStandardEvent } from './process.rules.js';
import { evolveProcessStandard, nextStandardVersion, type ProcessStandardState } from './process.state.js';

/** The version is the next one: decide fills it in. */
export const PublishProcessStandardData = z.strictObject({
  area: z.enum(PROCESS_AREAS),
  checklist: UniqueList(NonEmptyText, { min: 1 }),
});

export const PROCESS_COMMAND_SCHEMAS = {
  PublishProcessStandard: PublishProcessStandardData,
} as const;

export type PublishProcessStandard = Command<'PublishProcessStandard', z.input<typeof PublishProcessStandardData>>;

export type ProcessStandardCommand = PublishProcessStandard;

type ValidProcessStandardCommand = ValidCommandUnion<typeof PROCESS_COMMAND_SCHEMAS>;

export function decideProcessStandard(
  command: ProcessStandardCommand,
  state: ProcessStandardState,
): readonly ProcessStandardEvent[] {
  const valid = validateCommand(PROCESS_COMMAND_SCHEMAS, command);
  return checkedEvents(
    checkProcessStandardEvent,
    evolveProcessStandard,
    state,
    valid.data.area,
    valid.metadata.occurredAt,
    [processEventFor(valid, state)],
  );
}

function processEventFor(command: ValidProcessStandardCommand, state: ProcessStandardState): ProcessStandardEvent {
  switch (command.type) {
    case 'PublishProcessStandard':
      return {
        type: 'ProcessStandardPublished',
        data: { area: command.data.area, version: nextStandardVersion(state), checklist: command.data.checklist },
      };
    default:
      return assertNever(command.type, 'process standard command');
  }
}
