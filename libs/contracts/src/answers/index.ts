// The answers' zod schemas: the one model of each, from which their types (`@presales/contracts`)
// and the published contract (/api/openapi.json) come. A server imports these; a browser client
// needs only the types.
export * from './admin.js';
export * from './audit.js';
export * from './auth.js';
export * from './commands.js';
export * from './common.js';
export * from './errors.js';
export * from './health.js';
export * from './kpis.js';
export * from './library.js';
export * from './maturity.js';
export * from './sql.js';
export * from './staffing.js';
export * from './tenders.js';
export * from './workbench.js';
export * from './workspace.js';
