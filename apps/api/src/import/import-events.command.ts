import { Command } from '@nestjs/cqrs';
import type { Actor } from '@presales/domain';
import type { ImportSummary, Rejection } from '@presales/interchange';

export interface ImportEventsResult extends ImportSummary {
  /** The first rejections, each with its line number, stream and reason. */
  readonly rejections: readonly Rejection[];
  /** Rejections beyond those listed. */
  readonly rejectionsOmitted: number;
}

/** Import JSONL lines streamed from a request body: validated in order, valid ones appended, each marked with who imported it. */
export class ImportEventsCommand extends Command<ImportEventsResult> {
  constructor(
    readonly body: AsyncIterable<Uint8Array>,
    readonly importedBy: Actor,
  ) {
    super();
  }
}
