import { parseStreamEvent } from '@presales/domain';
import type { EventStore } from '../event-store.port.js';

/**
 * The store, with every event a test appends checked first by the domain's own parser (stream
 * category, type, payload at its schemaVersion): a fixture the platform would refuse must fail
 * where it is written, not make a test pass on a history no real store can hold.
 */
export function honestAppends<S extends Pick<EventStore, 'appendToStream'>>(store: S): S {
  const append = store.appendToStream.bind(store);
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'appendToStream') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      }
      return ((streamId, events, options) => {
        events.forEach((event, index) =>
          parseStreamEvent(
            streamId,
            event.type,
            event.data,
            `test fixture ${streamId} event ${index}`,
            event.metadata.schemaVersion,
          ),
        );
        return append(streamId, events, options);
      }) satisfies EventStore['appendToStream'];
    },
  });
}
