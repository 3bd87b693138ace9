import { describe, expect, it } from 'vitest';
import { CheckpointConflictError } from '../../errors.js';
import { uniqueStream, type SubjectAccessor } from './subject.js';

export function checkpointsContract(subject: SubjectAccessor): void {
  describe('checkpoints', () => {
    it('saves by compare-and-set and never moves backwards', async () => {
      const { store } = subject();
      const id = uniqueStream('projector');
      expect(await store.checkpoints.load(id)).toBeUndefined();
      await store.checkpoints.save(id, 10n, undefined);
      await store.checkpoints.save(id, 20n, 10n);
      expect(await store.checkpoints.load(id)).toBe(20n);
      await expect(store.checkpoints.save(id, 30n, 10n)).rejects.toBeInstanceOf(CheckpointConflictError);
      await expect(store.checkpoints.save(id, 15n, 20n)).rejects.toBeInstanceOf(CheckpointConflictError);
      await expect(store.checkpoints.save(id, 40n, undefined)).rejects.toBeInstanceOf(CheckpointConflictError);
      expect(await store.checkpoints.load(id)).toBe(20n);
    });

    it('lets exactly one of two racing savers win', async () => {
      const { store } = subject();
      const id = uniqueStream('projector');
      await store.checkpoints.save(id, 5n, undefined);
      const results = await Promise.allSettled([
        store.checkpoints.save(id, 6n, 5n),
        store.checkpoints.save(id, 7n, 5n),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect([6n, 7n]).toContain(await store.checkpoints.load(id));
    });

    it('keeps checkpoints out of $all', async () => {
      const { store } = subject();
      const id = uniqueStream('projector');
      await store.checkpoints.save(id, 1n, undefined);
      const newest = await store.readAll({ direction: 'backwards', maxCount: 50 });
      expect(newest.some((e) => e.streamId.includes(id))).toBe(false);
    });
  });
}
