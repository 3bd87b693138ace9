import { IllegalStateError, NotFoundError } from './errors.js';

// Rule helpers shared by every aggregate's `check`, so the same rule reads the same everywhere.

/** An event other than the creating one, on a stream that has not been created. */
export function notCreated(subject: string, eventType: string, creatingType: string): NotFoundError {
  return new NotFoundError(subject, `${eventType} needs ${creatingType} first`);
}

/** The creating event comes once, and names the stream's own id (`noun` is e.g. "tender"). */
export function checkCreation(
  noun: string,
  streamId: string,
  alreadyCreated: boolean,
  eventType: string,
  namedId: string,
): void {
  const subject = `${noun} ${streamId}`;
  if (alreadyCreated) throw new IllegalStateError(subject, `${eventType} already recorded for this ${noun}`);
  if (namedId !== streamId)
    throw new IllegalStateError(subject, `${eventType} names ${JSON.stringify(namedId)}, not this stream's id`);
}

/** A command addressed to one aggregate but decided on another's state is a routing bug. */
export function checkAddressee(subject: string, loadedId: string, addressedId: string, eventType: string): void {
  if (loadedId !== addressedId)
    throw new IllegalStateError(subject, `${eventType} addressed to ${JSON.stringify(addressedId)}`);
}
