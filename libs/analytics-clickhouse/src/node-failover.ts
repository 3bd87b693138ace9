import type { ClickHouseClient } from '@clickhouse/client';
import { isNodeUnreachable } from './node-list.js';

/**
 * The clients of the listed nodes, one in use: a statement goes to it, and when that node cannot
 * be reached, to the next ones in turn (the list wraps around), which stays in use after. A
 * single node is a list of one. Only an unreachable node moves on: a statement the server
 * refused would be refused by the others too.
 */
export class NodeFailover {
  constructor(
    private readonly clients: readonly ClickHouseClient[],
    private index = 0,
  ) {}

  get current(): number {
    return this.index;
  }

  async use<T>(run: (client: ClickHouseClient) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let tried = 0; tried < this.clients.length; tried += 1) {
      const index = (this.index + tried) % this.clients.length;
      try {
        const result = await run(this.clients[index]!);
        this.index = index;
        return result;
      } catch (error) {
        if (!isNodeUnreachable(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.close()));
  }
}
