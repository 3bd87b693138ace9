import { Query } from '@nestjs/cqrs';
import type { TendersReceivedResult } from '@presales/analytics';

export class GetTendersReceivedQuery extends Query<TendersReceivedResult> {
  constructor(readonly asOf: Date | undefined) {
    super();
  }
}
