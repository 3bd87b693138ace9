export { startClickHouseServer, clickHouseAvailability, clickHouseSkipReason, freePort, type RunningClickHouse, type ClickHouseAvailability } from './clickhouse-server.js';
