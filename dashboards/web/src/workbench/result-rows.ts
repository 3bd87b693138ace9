import type { SortState } from './result-order';
import type { ResultReply, ResultRequest, ResultSummary } from './result-protocol';

/** A request before it is numbered (each member of the union without its id). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<ResultRequest>;

/**
 * The page's handle on the answer its worker holds (result-worker.ts): the rows stay there, the
 * grid asks for the ones it draws. One worker per workbench, ended with `close`.
 */
export class ResultRows {
  private readonly worker = new Worker(new URL('./result-worker.ts', import.meta.url), { type: 'module' });
  private readonly waiting = new Map<number, (reply: ResultReply) => void>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<ResultReply>) => {
      const settle = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      settle?.(event.data);
    };
  }

  /** Hands the answer's bytes over (the page keeps no copy) and resolves with its figures. */
  async load(bytes: ArrayBuffer): Promise<ResultSummary> {
    const reply = await this.ask({ kind: 'load', bytes }, [bytes]);
    return (reply as Extract<ResultReply, { kind: 'loaded' }>).summary;
  }

  async orderBy(sort: SortState | null): Promise<void> {
    // A plain copy: the grid's state is a reactive proxy, which a message cannot carry.
    await this.ask({ kind: 'sort', sort: sort === null ? null : { column: sort.column, direction: sort.direction } });
  }

  async window(from: number, to: number): Promise<readonly (readonly unknown[])[]> {
    return ((await this.ask({ kind: 'window', from, to })) as Extract<ResultReply, { kind: 'window' }>).rows;
  }

  async records(limit: number): Promise<readonly Record<string, unknown>[]> {
    return ((await this.ask({ kind: 'records', limit })) as Extract<ResultReply, { kind: 'records' }>).rows;
  }

  close(): void {
    this.worker.terminate();
    this.waiting.clear();
  }

  private ask(request: Request, transfer: Transferable[] = []): Promise<ResultReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) =>
        reply.kind === 'failed' ? reject(new Error(`the result's worker: ${reply.message}`)) : resolve(reply),
      );
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }
}
