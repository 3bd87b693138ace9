import { Controller, Inject, type OnModuleDestroy, Sse, type MessageEvent } from '@nestjs/common';
import type { ProjectionView } from '@presales/analytics';
import { distinctUntilChanged, interval, map, startWith, Subject, takeUntil, type Observable } from 'rxjs';
import { SignedIn } from '../auth/access/access-rule.js';
import { PROJECTOR } from '../infrastructure/tokens.js';

/** How often the projector's in-memory checkpoint is looked at: cheap, and fast enough for a person. */
const POLL_MS = 500;

/**
 * `GET /api/live`: server-sent events, one `checkpoint` event each time the projector's checkpoint
 * moves (new events are in the analytics tables), and one on connecting. The dashboard refetches
 * its live views on each; a view as of a past moment cannot change and ignores them.
 */
@Controller('api/live')
export class LiveController implements OnModuleDestroy {
  /** Ends every open stream on shutdown, so closing the server does not wait for browsers. */
  private readonly closing = new Subject<void>();

  constructor(@Inject(PROJECTOR) private readonly projector: ProjectionView) {}

  @Sse()
  @SignedIn()
  checkpoints(): Observable<MessageEvent> {
    const checkpoint = () => this.projector.status().checkpoint.toString();
    return interval(POLL_MS).pipe(
      map(checkpoint),
      startWith(checkpoint()),
      distinctUntilChanged(),
      map((position) => ({ type: 'checkpoint', data: { checkpoint: position } })),
      takeUntil(this.closing),
    );
  }

  onModuleDestroy(): void {
    this.closing.next();
    this.closing.complete();
  }
}
