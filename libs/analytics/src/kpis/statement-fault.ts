import { AnalystSqlRejectedError } from '../analyst/analyst-sql-policy.js';
import { SqlSyntaxError } from '../analyst/gate/sql-gate.js';
import { UnreadableSyntaxTreeError } from '../analyst/gate/syntax-tree.js';
import { AnalyticsQueryError } from '../analytics-store.port.js';
import { KpiSqlTemplateError } from './render-kpi-sql.js';

/**
 * Whether a failure is the statement's own: the engine refused its SQL (a code the SQL causes),
 * its template does not render, or the gate refused it before it ran (decision 0024). Such a failure is one KPI's error, or a
 * definition's 400; anything else (the engine unreachable, out of memory) is the store failing.
 */
export function isStatementFault(error: unknown): boolean {
  if (error instanceof AnalyticsQueryError) return error.statementFault;
  return (
    error instanceof KpiSqlTemplateError ||
    error instanceof AnalystSqlRejectedError ||
    error instanceof SqlSyntaxError ||
    error instanceof UnreadableSyntaxTreeError
  );
}
