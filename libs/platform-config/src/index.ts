export * from './app-config.js';
export * from './ddl-target.js';
export * from './open-stores.js';
export * from './describe-stores.js';
export * from './redacted-url.js';
