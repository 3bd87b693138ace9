export * from './envelope.js';
export * from './options.js';
export * from './errors.js';
export * from './checkpoint-store.port.js';
export * from './event-store.port.js';
export * from './hash-chain.js';
