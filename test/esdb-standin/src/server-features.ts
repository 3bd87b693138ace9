import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { featuresPb } from './generated.js';

const STREAMS = 'event_store.client.streams.streams';

/**
 * TEST STAND-IN, not a product store. ServerFeatures.GetSupportedMethods, which the client asks once per connection: the stand-in
 * lists the legacy Append but not BatchAppend, so client 6.2 uses Streams.Append (as it does
 * with servers before 21.10). The version names it as the stand-in it is.
 */
export function supportedMethods(_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>): void {
  const methods = ['read', 'append', 'delete', 'tombstone'].map((name) => new featuresPb.SupportedMethod().setServiceName(STREAMS).setMethodName(name));
  callback(null, new featuresPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('23.10.0-presales-test-standin'));
}
