/** Where subscribers (projectors) keep the `$all` position they have fully processed. */
export interface CheckpointStore {
  load(subscriberId: string): Promise<bigint | undefined>;
  /**
   * Compare-and-set: stores `position` if the current checkpoint equals `expected`
   * (`undefined` = none yet) and `position` is not behind it; otherwise throws
   * CheckpointConflictError. Checkpoints never move backwards.
   */
  save(subscriberId: string, position: bigint, expected: bigint | undefined): Promise<void>;
}
