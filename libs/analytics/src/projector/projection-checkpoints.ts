import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';

export const CHECKPOINTS_TABLE = 'projection_checkpoints';

/**
 * The projector's checkpoint lives in the analytics store, beside the rows it vouches for
 * (docs/decisions/0008): a fresh or rebuilt analytics store has no checkpoint, so it can never
 * claim rows it does not have. Rows are only added; the checkpoint is the greatest position,
 * so it cannot move backwards, and two replicas writing it agree.
 */
export class ProjectionCheckpoints {
  constructor(private readonly analytics: AnalyticsStore) {}

  async load(subscriberId: string): Promise<bigint | undefined> {
    const [row] = await this.analytics.query<{ position: number; n: number }>(
      `SELECT max(position) AS position, count() AS n FROM ${CHECKPOINTS_TABLE} WHERE subscriber = ${sqlValue(subscriberId)}`,
    );
    return row === undefined || Number(row.n) === 0 ? undefined : BigInt(row.position);
  }

  async save(subscriberId: string, position: bigint): Promise<void> {
    await this.analytics.insert(
      CHECKPOINTS_TABLE,
      [{ subscriber: subscriberId, position: Number(position), version: Number(position) }],
      {
        deduplicationToken: `${CHECKPOINTS_TABLE}:${subscriberId}:${position}`,
      },
    );
  }
}
