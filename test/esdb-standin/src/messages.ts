import { sharedPb, streamsPb } from './generated.js';
import type { LogRecord } from './log.js';
import type { ProposedEvent } from './standin-store.js';

type ReadResp = InstanceType<typeof streamsPb.ReadResp>;

/** TEST STAND-IN, not a product store: the stand-in's answers as the client's generated messages. */

/** The UUID as the client asked for it (`uuid_option.string`); the structured form is not needed by client 6.2. */
export function uuid(id: string): InstanceType<typeof sharedPb.UUID> {
  return new sharedPb.UUID().setString(id);
}

export function streamIdentifier(streamId: string): InstanceType<typeof sharedPb.StreamIdentifier> {
  return new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

export function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

/** The fields both append calls' proposed messages carry (Append's and BatchAppend's are generated apart). */
interface ProposedMessage {
  getId(): InstanceType<typeof sharedPb.UUID> | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

/** An event as an append proposes it; a message without an id gets one (the server does the same). */
export function proposedEvent(message: ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    eventId: message.getId()?.getString() ?? crypto.randomUUID(),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: Buffer.from(message.getData_asU8()),
    metadata: Buffer.from(message.getCustomMetadata_asU8()),
  };
}

/**
 * A read event (EventStore/EventStore src/EventStore.Core/Services/Transport/Grpc/Streams.Read.cs,
 * ConvertToRecordedEvent): the record's commit position is its own log position, its prepare
 * position that of the first event of its append (TransactionPosition), so the two differ for
 * the 2nd…nth event of a batch. `$all` reads also carry the commit position on the envelope.
 */
export function readEvent(record: LogRecord, fromAll: boolean): ReadResp {
  const event = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuid(record.eventId))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.transactionPosition.toString())
    .setCustomMetadata(record.metadata)
    .setData(record.data);
  event
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', record.created.toString());
  const envelope = new streamsPb.ReadResp.ReadEvent().setEvent(event);
  if (fromAll) envelope.setCommitPosition(record.position.toString());
  else envelope.setNoPosition(new sharedPb.Empty());
  return new streamsPb.ReadResp().setEvent(envelope);
}

export function streamNotFound(streamId: string): ReadResp {
  return new streamsPb.ReadResp().setStreamNotFound(
    new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId)),
  );
}

export function confirmation(subscriptionId: string): ReadResp {
  return new streamsPb.ReadResp().setConfirmation(
    new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId),
  );
}

/** Sent by servers from 23.10 on when a subscription has delivered its history. */
export function caughtUp(): ReadResp {
  return new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp());
}
