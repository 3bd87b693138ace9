import { afterEach, beforeEach, describe, it } from 'vitest';
import { appendContract } from './contract/append.contract.js';
import { checkpointsContract } from './contract/checkpoints.contract.js';
import { deletionContract } from './contract/deletion.contract.js';
import { envelopeContract } from './contract/envelope.contract.js';
import { idempotencyContract } from './contract/idempotency.contract.js';
import { limitsContract } from './contract/limits.contract.js';
import { metadataContract } from './contract/metadata.contract.js';
import { pagingContract } from './contract/paging.contract.js';
import { processesContract } from './contract/processes.contract.js';
import { readsContract } from './contract/reads.contract.js';
import { restartContract } from './contract/restart.contract.js';
import { retriesContract } from './contract/retries.contract.js';
import type { EventStoreFactory, EventStoreUnderTest } from './contract/subject.js';
import { subscriptionContract } from './contract/subscription.contract.js';
import { verificationContract } from './contract/verification.contract.js';

/**
 * The one EventStore contract (DESIGN.md decision 1): every adapter runs exactly this suite.
 * An adapter whose engine is unreachable skips loudly, with its reason printed.
 */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  if ('skip' in factory) {
    console.warn(`[event-store contract] ${adapterName} SKIPPED: ${factory.skip}`);
    describe.skip(`EventStore contract: ${adapterName} (skipped: ${factory.skip})`, () => {
      it('runs when its engine is reachable', () => undefined);
    });
    return;
  }

  describe(`EventStore contract: ${adapterName}`, () => {
    let current: EventStoreUnderTest | undefined;
    const subject = (): EventStoreUnderTest => {
      if (current === undefined) throw new Error('no store open: contract tests run between beforeEach and afterEach');
      return current;
    };
    beforeEach(async () => {
      current = await factory.open();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    appendContract(subject);
    idempotencyContract(subject);
    retriesContract(subject);
    envelopeContract(subject);
    readsContract(subject);
    pagingContract(subject);
    deletionContract(subject);
    metadataContract(subject);
    subscriptionContract(subject);
    checkpointsContract(subject);
    verificationContract(subject);
    processesContract(subject);
    limitsContract(subject);
    restartContract(subject);
  });
}
