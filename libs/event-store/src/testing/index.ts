export { describeEventStoreContract, anEvent, uniqueStream, type EventStoreFactory, type EventStoreUnderTest } from './event-store.contract.js';
