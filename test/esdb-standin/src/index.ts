/** TEST STAND-IN for EventStoreDB's gRPC protocol — for tests only, never a product event store. */
export { EsdbStandin, type StandinServerOptions } from './standin-server.js';
export type { AppendProtocol } from './server-features.js';
