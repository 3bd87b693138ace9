import { ALLOWED_FUNCTIONS, REFUSED_FUNCTIONS, type FunctionRefusal } from './engine-functions.js';

/**
 * Names the parser writes into the tree for syntax, not found in system.functions: `x -> y` is
 * `lambda`. Nothing else the tests met.
 */
export const SYNTAX_FUNCTIONS: readonly string[] = ['lambda'];

/**
 * Aggregate function combinators (system.aggregate_function_combinators): `sumIf`, `uniqArray`,
 * `countDistinct`… are the base function with suffixes. All of them only reshape the base
 * function's input or output.
 */
export const ALLOWED_COMBINATORS: readonly string[] = [
  'ArgMax',
  'ArgMin',
  'Array',
  'Distinct',
  'ForEach',
  'If',
  'Map',
  'Merge',
  'Null',
  'OrDefault',
  'OrNull',
  'Resample',
  'SimpleState',
  'State',
  'Tuple',
];

const REASONS: Readonly<Record<FunctionRefusal, string>> = {
  internal: 'is internal to the engine',
  'files-network-programs': 'reads host files or opens connections',
  'dictionaries-models': 'reads dictionaries or models',
  'server-sessions-settings': 'describes the server, its settings or other sessions',
  'engine-state': 'keeps state in the engine beyond the query',
  'stalls-the-engine': 'stalls or stops the engine',
  'remote-tables': 'sends tables to other servers',
};

const allowed = new Set([...ALLOWED_FUNCTIONS, ...SYNTAX_FUNCTIONS]);
/** Some functions are case-insensitive: a name is refused if any function spelled like it is. */
const refusedLowercase = new Map(
  Object.entries(REFUSED_FUNCTIONS).map(([name, category]) => [name.toLowerCase(), category]),
);
const allowedLowercase = new Set([...allowed].map((name) => name.toLowerCase()));
const combinatorsLongestFirst = [...ALLOWED_COMBINATORS].sort((a, b) => b.length - a.length);

export type FunctionVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** Whether analyst and KPI SQL may call `name`, the way the engine would resolve it. */
export function functionVerdict(name: string): FunctionVerdict {
  const refused = refusedLowercase.get(name.toLowerCase());
  if (refused !== undefined) return { allowed: false, reason: REASONS[refused] };
  if (allowed.has(name) || allowedLowercase.has(name.toLowerCase())) return { allowed: true };
  for (const combinator of combinatorsLongestFirst) {
    if (name.length > combinator.length && name.endsWith(combinator)) {
      const base = functionVerdict(name.slice(0, -combinator.length));
      if (base.allowed) return base;
      return { allowed: false, reason: `${base.reason} (as ${name.slice(0, -combinator.length)})` };
    }
  }
  return { allowed: false, reason: 'is not a function the engine lists (system.functions)' };
}
