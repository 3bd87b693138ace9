import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { featuresPb } from './generated.js';

const STREAMS = 'event_store.client.streams.streams';

/**
 * TEST STAND-IN, not a product store. ServerFeatures.GetSupportedMethods, which the client asks
 * once per connection. Servers from 21.10 on list BatchAppend, and client 6.2 then appends
 * through it; listing only the legacy Append makes the client use that instead (as with older
 * servers). The version names the stand-in for what it is.
 */
export function supportedMethods(appendProtocol: AppendProtocol) {
  return (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>): void => {
    const names = ['read', 'append', 'delete', 'tombstone', ...(appendProtocol === 'batch' ? ['batchappend'] : [])];
    const methods = names.map((name) => new featuresPb.SupportedMethod().setServiceName(STREAMS).setMethodName(name));
    callback(
      null,
      new featuresPb.SupportedMethods()
        .setMethodsList(methods)
        .setEventStoreServerVersion('23.10.0-presales-test-standin'),
    );
  };
}

/** Which append call the client is told to use: BatchAppend (servers 21.10+) or the legacy Append. */
export type AppendProtocol = 'batch' | 'legacy';
