import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { DEFAULT_MAX_APPEND_SIZE, appendHandler } from './append-handler.js';
import { deleteHandler } from './delete-handler.js';
import { featuresGrpc, streamsGrpc } from './generated.js';
import { readHandler } from './read-handler.js';
import { batchAppendHandler } from './batch-append-handler.js';
import { supportedMethods, type AppendProtocol } from './server-features.js';
import { StandinStore, type StandinStoreOptions } from './standin-store.js';

export interface StandinServerOptions extends StandinStoreOptions {
  /** 0 (default): any free port on loopback. */
  readonly port?: number;
  /** MaxAppendSize; 1 MiB as on a default server. */
  readonly maxAppendSize?: number;
  /** `batch` (default, as servers 21.10+): the client appends through BatchAppend; `legacy`: through Append. */
  readonly appendProtocol?: AppendProtocol;
}

/**
 * TEST STAND-IN — NOT AN EVENT STORE FOR ANY PRODUCT USE. An in-memory imitation of an
 * EventStoreDB single node's gRPC streams service (read, batch and legacy append, delete,
 * tombstone, subscriptions to `$all`) with the behaviours the adapter review documents, so the real
 * @eventstore/db-client and the EventStoreDB adapter run over the wire in CI, where no server
 * can run. Insecure, loopback only. Every behaviour names the server source it imitates.
 */
export class EsdbStandin {
  readonly store: StandinStore;
  private server: Server | undefined;
  private boundPort = 0;

  private constructor(private readonly options: StandinServerOptions) {
    this.store = new StandinStore(options);
  }

  static async start(options: StandinServerOptions = {}): Promise<EsdbStandin> {
    const standin = new EsdbStandin(options);
    await standin.listen(options.port ?? 0);
    return standin;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The connection string for the client and the adapter. */
  get url(): string {
    return `esdb://127.0.0.1:${this.boundPort}?tls=false`;
  }

  /**
   * Stops the server abruptly (open calls end with an error, as when a node goes down) and
   * starts it again on the same port with the same log; the in-memory id cache is lost, as on a
   * real restart.
   */
  async restart(downMs = 100): Promise<void> {
    this.server?.forceShutdown();
    this.server = undefined;
    this.store.forgetCaches();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.listen(this.boundPort);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    server.forceShutdown();
  }

  private async listen(port: number): Promise<void> {
    const server = new Server();
    server.addService(streamsGrpc.StreamsService, this.streamsService() as UntypedServiceImplementation);
    server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: supportedMethods(this.options.appendProtocol ?? 'batch'),
    });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.server = server;
  }

  private streamsService() {
    const maxAppendSize = this.options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
    return {
      read: readHandler(this.store),
      append: appendHandler(this.store, maxAppendSize),
      delete: deleteHandler(this.store, false),
      tombstone: deleteHandler(this.store, true),
      batchAppend: batchAppendHandler(this.store, maxAppendSize),
    };
  }
}
