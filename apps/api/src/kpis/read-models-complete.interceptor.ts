import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { ProjectionView } from '@presales/analytics';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { PROJECTOR } from '../infrastructure/tokens.js';

/**
 * A read refused because the projector is replaying the log into the read models (a fresh or
 * emptied analytics store, start-up after a long stop): an answer now would count part of the
 * history and look complete (decision 0028).
 */
export class ReadModelsBehindError extends Error {
  constructor(
    readonly checkpoint: bigint,
    readonly lagEvents: number,
  ) {
    super(
      `the read models are catching up with the event log (${lagEvents >= LAG_CAP ? `${LAG_CAP} or more` : lagEvents} events behind, at position ${checkpoint}): an answer now would be partial; try again in a few seconds`,
    );
    this.name = 'ReadModelsBehindError';
  }
}

/** Counting stops here: the answer says "this many or more". */
const LAG_CAP = 100_000;

/** How long a read waits for a projector that is starting or catching up before it is refused. */
export const CATCH_UP_WAIT_MS = 2000;

/** Not live: starting, replaying the log, or retrying a batch the store refused. */
const replaying = (projector: Pick<ProjectionView, 'status'>) =>
  ['starting', 'catching_up', 'retrying'].includes(projector.status().state);

/**
 * Whether KPI reads must be refused now: the projector has not caught up since it started (or
 * since a rebuild), or is retrying, still after `waitMs`, and events are waiting. A restart's catch-up of a few events
 * is waited out, as a write waits for its projection (decision 0005); a replay of the history is
 * refused. A live projector a batch behind is not replaying: a read then answers as of the last
 * projected write, as every read does (decision 0017).
 */
export async function readModelsBehind(
  projector: Pick<ProjectionView, 'status' | 'lagEvents'>,
  waitMs = CATCH_UP_WAIT_MS,
): Promise<ReadModelsBehindError | undefined> {
  for (const started = Date.now(); replaying(projector) && Date.now() - started < waitMs;)
    await new Promise((r) => setTimeout(r, 50));
  if (!replaying(projector)) return undefined;
  const lag = await projector.lagEvents(LAG_CAP);
  return lag > 0 ? new ReadModelsBehindError(projector.status().checkpoint, lag) : undefined;
}

/** On the KPI and maturity controllers: their GETs refuse while the read models are replaying. */
@Injectable()
export class ReadModelsCompleteInterceptor implements NestInterceptor {
  constructor(@Inject(PROJECTOR) private readonly projector: ProjectionView) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.switchToHttp().getRequest<Request>().method === 'GET') {
      const behind = await readModelsBehind(this.projector);
      if (behind !== undefined) throw behind;
    }
    return next.handle();
  }
}
