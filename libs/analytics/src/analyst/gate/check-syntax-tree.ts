import type { SqlRefusalCode } from '../analyst-sql-policy.js';
import { functionVerdict } from './function-allowlist.js';
import type { SyntaxNode } from './syntax-tree.js';

/** What SQL given by users may read: the product's analytics tables, by name or as `database.table`. */
export interface GatePolicy {
  readonly tables: ReadonlySet<string>;
  /** The database the tables are in, when SQL may name it. */
  readonly database?: string;
}

/** Why a statement is refused: the construct, and a word to find it by in the text. */
export interface Refusal {
  readonly code: SqlRefusalCode;
  readonly reason: string;
  readonly find?: string;
}

/**
 * Node kinds a read of tables is made of. Anything else is refused, named by its kind: `Set`
 * (SETTINGS), `QueryParameter`, `ColumnsApplyTransformer` (APPLY names a function outside a
 * call), EXPLAIN, every statement other than SELECT.
 */
const READ_KINDS = new Set([
  'SelectWithUnionQuery',
  'SelectIntersectExceptQuery',
  'SelectQuery',
  'ExpressionList',
  'Identifier',
  'Literal',
  'Function',
  'Asterisk',
  'QualifiedAsterisk',
  'ColumnsRegexpMatcher',
  'ColumnsListMatcher',
  'QualifiedColumnsRegexpMatcher',
  'QualifiedColumnsListMatcher',
  'ColumnsTransformerList',
  'ColumnsExceptTransformer',
  'ColumnsReplaceTransformer',
  'ColumnsReplaceTransformerReplacement',
  'TablesInSelectQuery',
  'TablesInSelectQueryElement',
  'TableExpression',
  'TableIdentifier',
  'TableJoin',
  'ArrayJoin',
  'Subquery',
  'WithElement',
  'OrderByElement',
  'WindowDefinition',
  'WindowListElement',
  'SampleRatio',
  'Interpolate',
  'InterpolateElement',
]);

const KIND_NAMES: Readonly<Record<string, string>> = {
  Set: 'SETTINGS',
  QueryParameter: 'a query parameter',
  ColumnsApplyTransformer: 'APPLY',
  Explain: 'EXPLAIN',
};

/** Functions whose second argument, written as a bare name, is a table (`x IN tenders`). */
const TABLE_OPERAND = new Set([
  'in',
  'notIn',
  'nullIn',
  'notNullIn',
  'inIgnoreSet',
  'notInIgnoreSet',
  'nullInIgnoreSet',
  'notNullInIgnoreSet',
]);

/** Names given to WITH subqueries (`WITH x AS (SELECT …)`), which FROM may then name. */
export type CteNames = ReadonlySet<string>;

/** The first construct that is not a read of the policy's tables, or undefined. */
export function refusalOf(root: SyntaxNode, policy: GatePolicy, cteNames: CteNames): Refusal | undefined {
  if (root.kind !== 'SelectWithUnionQuery')
    return { code: 'not_a_select', reason: `only a SELECT is allowed; this is ${statementName(root.kind)}` };
  const [body, ...output] = root.children;
  for (const option of output)
    return { code: option.kind === 'Set' ? 'settings' : 'output_option', reason: outputOption(option) };
  if (body === undefined) return { code: 'not_a_select', reason: 'the SELECT is empty' };
  return refusalIn(body, root, policy, cteNames);
}

function statementName(kind: string): string {
  const words = kind
    .replace(/Query$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
  return `a ${words} statement`;
}

function outputOption(option: SyntaxNode): string {
  switch (option.kind) {
    case 'Literal':
      return 'INTO OUTFILE is not allowed: results are returned, never written to files';
    case 'Identifier':
      return 'a FORMAT clause is not allowed: the platform returns JSON';
    case 'Set':
      return "SETTINGS are not allowed: the limits are the platform's";
    default:
      return `the output option ${option.kind} is not allowed`;
  }
}

function refusalIn(node: SyntaxNode, parent: SyntaxNode, policy: GatePolicy, cteNames: CteNames): Refusal | undefined {
  if (!READ_KINDS.has(node.kind)) {
    const named = KIND_NAMES[node.kind];
    return {
      code: node.kind === 'Set' ? 'settings' : 'construct',
      reason: `${named ?? node.kind} is not allowed in a read of the analytics tables`,
      ...(named === undefined ? {} : { find: named.split(' ').at(-1)! }),
    };
  }
  if (node.kind === 'Function') {
    const name = node.text;
    if (parent.kind === 'TableExpression')
      return {
        code: 'table_function',
        reason: `the table function ${name}() is not allowed: only the analytics tables can be read`,
        find: name,
      };
    const verdict = functionVerdict(name);
    if (!verdict.allowed)
      return { code: 'function', reason: `the function ${name}() is not allowed: it ${verdict.reason}`, find: name };
    if (TABLE_OPERAND.has(name)) {
      const operand = node.children[0]?.children[1];
      if (operand?.kind === 'Identifier') {
        const refused = tableRefusal(operand.text, policy, cteNames);
        if (refused !== undefined) return refused;
      }
    }
  }
  if (node.kind === 'TableIdentifier') {
    const refused = tableRefusal(node.text, policy, cteNames);
    if (refused !== undefined) return refused;
  }
  for (const child of node.children) {
    const refused = refusalIn(child, node, policy, cteNames);
    if (refused !== undefined) return refused;
  }
  return undefined;
}

/**
 * Every table the statement names, in the order the engine's syntax tree holds them: each
 * `TableIdentifier`, and each bare name an IN reads as a table. A WITH subquery's name is listed
 * where FROM names it. What a caller may check a substitution against (decision 0045).
 */
export function tableNamesIn(node: SyntaxNode): string[] {
  const names: string[] = [];
  const walk = (current: SyntaxNode) => {
    if (current.kind === 'TableIdentifier') names.push(current.text);
    if (current.kind === 'Function' && TABLE_OPERAND.has(current.text)) {
      const operand = current.children[0]?.children[1];
      if (operand?.kind === 'Identifier') names.push(operand.text);
    }
    for (const child of current.children) walk(child);
  };
  walk(node);
  return names;
}

function tableRefusal(name: string, policy: GatePolicy, cteNames: CteNames): Refusal | undefined {
  const dot = name.indexOf('.');
  if (dot === -1) {
    if (policy.tables.has(name) || cteNames.has(name)) return undefined;
    return { code: 'table', reason: `the table ${name} is not one of the analytics tables`, find: name };
  }
  const database = name.slice(0, dot);
  const table = name.slice(dot + 1);
  if (policy.database !== undefined && database === policy.database && policy.tables.has(table)) return undefined;
  return {
    code: 'table',
    reason: `the table ${name} is not allowed: only the analytics tables${policy.database === undefined ? '' : ` of ${policy.database}`} can be read`,
    find: database,
  };
}
