export * from './generate.js';
export * from './scale.js';
export * from './world/demo-event.js';
export * from './world/prng.js';
export * from './load-demo.js';
