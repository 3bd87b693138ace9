import { createRequire } from 'node:module';

/**
 * TEST STAND-IN, not a product store. The client's own generated gRPC code (node_modules/@eventstore/db-client/generated, built by
 * the client from EventStoreDB's published .proto files): the stand-in serves exactly the
 * messages and service paths the client sends, and commits no .proto of its own. Loaded with
 * require because the generated CommonJS files name their exports in a way ESM cannot see.
 */
const load = createRequire(__filename);

export const streamsPb = load(
  '@eventstore/db-client/generated/streams_pb.js',
) as typeof import('@eventstore/db-client/generated/streams_pb.js');
export const streamsGrpc = load(
  '@eventstore/db-client/generated/streams_grpc_pb.js',
) as typeof import('@eventstore/db-client/generated/streams_grpc_pb.js');
export const sharedPb = load(
  '@eventstore/db-client/generated/shared_pb.js',
) as typeof import('@eventstore/db-client/generated/shared_pb.js');
export const featuresPb = load(
  '@eventstore/db-client/generated/serverfeatures_pb.js',
) as typeof import('@eventstore/db-client/generated/serverfeatures_pb.js');
export const featuresGrpc = load(
  '@eventstore/db-client/generated/serverfeatures_grpc_pb.js',
) as typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb.js');
export const statusPb = load(
  '@eventstore/db-client/generated/status_pb.js',
) as typeof import('@eventstore/db-client/generated/status_pb.js');

/** google-protobuf's well-known types, as the generated code itself loads them. */
const loadBesideGenerated = createRequire(load.resolve('@eventstore/db-client/generated/status_pb.js'));
export const anyPb = loadBesideGenerated('google-protobuf/google/protobuf/any_pb.js') as {
  Any: new () => { pack(serialized: Uint8Array, name: string): void };
};
export const emptyPb = loadBesideGenerated('google-protobuf/google/protobuf/empty_pb.js') as { Empty: new () => never };
