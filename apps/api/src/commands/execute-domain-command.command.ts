import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';
import type { CommandRoute } from './command-routes.js';

export interface ExecutedCommand {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  /** The stream's revision after the append: what a client sends back as If-Match. */
  readonly revision: bigint;
  readonly position: bigint;
}

/** Any command of the domain, validated: load its aggregate, decide, append at the expected revision. */
export class ExecuteDomainCommand extends Command<ExecutedCommand> {
  constructor(
    readonly route: CommandRoute,
    readonly data: Readonly<Record<string, unknown>>,
    readonly metadata: CommandMetadata,
    /** From If-Match: the revision the client read; undefined to decide on the latest. */
    readonly expectedRevision: bigint | undefined,
    /** Ids for the decided events (from an Idempotency-Key), so a retried append writes nothing. */
    readonly eventId?: (index: number) => string,
    /** Checks on the event that began the record (timeline, involvement), run on the stream the handler loads: one read. */
    readonly checkFirst?: (first: RecordedEvent | undefined) => Promise<void>,
  ) {
    super();
  }
}
