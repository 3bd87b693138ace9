import type { ServerWritableStream } from '@grpc/grpc-js';
import type { streamsPb } from './generated.js';
import type { LogRecord } from './log.js';
import { caughtUp, confirmation, readEvent } from './messages.js';
import { matches, type LogFilter } from './reads.js';
import { invalidPosition } from './rpc-errors.js';
import type { StandinStore } from './standin-store.js';

type Call = ServerWritableStream<InstanceType<typeof streamsPb.ReadReq>, InstanceType<typeof streamsPb.ReadResp>>;

/**
 * TEST STAND-IN, not a product store. A subscription to `$all` (EventStore/EventStore
 * src/EventStore.Core/Services/Transport/Enumerators/Enumerator.AllSubscription.cs): confirmed
 * first, then the history *after* the given position (exclusive, unlike a read), then CaughtUp
 * (servers 23.10+), then live events as they become readable, until the call ends. A restart
 * of the server ends it with an error; the client must subscribe again.
 */
export function subscribeToAll(
  store: StandinStore,
  call: Call,
  from: bigint | 'start' | 'end',
  filter: LogFilter | undefined,
): void {
  const log = store.log.readable();
  let index: number | undefined;
  if (from === 'start') index = 0;
  else if (from === 'end') index = log.length;
  else {
    index = store.log.indexAt(from);
    if (index !== undefined && index < log.length) index += 1;
  }
  if (index === undefined) {
    call.emit('error', invalidPosition());
    return;
  }
  const send = (record: LogRecord) => {
    if (matches(filter, record)) call.write(readEvent(record, true));
  };
  // Listen before sending the history, so nothing indexed meanwhile falls between the two.
  const pending: LogRecord[] = [];
  let live = false;
  const stop = store.onIndexed((records) => {
    if (live) records.forEach(send);
    else pending.push(...records);
  });
  call.on('cancelled', stop);
  call.on('close', stop);
  call.write(confirmation(crypto.randomUUID()));
  const historyEnd = log.length === 0 ? 0n : log[log.length - 1]!.postPosition;
  for (let i = index; i < log.length; i += 1) send(log[i]!);
  call.write(caughtUp());
  for (const record of pending) if (record.position >= historyEnd) send(record);
  live = true;
}
