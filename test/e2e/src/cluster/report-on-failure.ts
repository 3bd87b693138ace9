import { beforeEach } from 'vitest';

/**
 * When a test of this file fails, print every process of the cluster as it stands (running or
 * how it ended, and its last output): a node that died in CI leaves its reason in the log.
 */
export function reportClusterOnFailure(cluster: () => { readonly describe: () => string } | undefined): void {
  beforeEach((context) => {
    context.onTestFailed(() => {
      const running = cluster();
      if (running !== undefined)
        console.error(`the cluster after the failure of "${context.task.name}":\n${running.describe()}`);
    });
  });
}
