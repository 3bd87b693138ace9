export * from './app-config.js';
export * from './ddl-target.js';
export * from './open-stores.js';
