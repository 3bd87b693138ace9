/**
 * Generated SQL texts for the gate's fuzz test (decision 0024): accepted reads of the analytics
 * tables, cut, mixed and disguised with what text checks have been fooled by — keywords,
 * comments, every quoting style, unicode whitespace and lookalike characters. Seeded, so a
 * failure is reproduced by its index.
 */
export function* fuzzSql(count: number, seed = 16): Generator<string> {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < count; i += 1) {
    const pieces: string[] = [];
    const length = 1 + Math.floor(random() * 12);
    for (let j = 0; j < length; j += 1) pieces.push(random() < 0.4 ? pick(FRAGMENTS) : pick(TOKENS));
    let text = random() < 0.5 ? `${pick(BASES)} ${pieces.join(pick(GLUES))}` : pieces.join(pick(GLUES));
    if (random() < 0.3) text = disguise(text, random, pick);
    yield text;
  }
}

const BASES = [
  'SELECT tender_id FROM tender_received',
  "SELECT count() FROM tender_received FINAL WHERE kind = 'rfp'",
  'WITH x AS (SELECT tender_id FROM tender_received) SELECT * FROM x',
  'SELECT 1',
  'SELECT * FROM tender_received AS t',
  'SELECT kind, count() FROM tender_received GROUP BY kind ORDER BY kind',
];

const FRAGMENTS = [
  "INTO OUTFILE '/tmp/presales-fuzz-out'",
  "INTO OUTFILE '/tmp/presales-fuzz-out' APPEND",
  'FORMAT TSV',
  'FORMAT JSON',
  'SETTINGS readonly = 0',
  'SETTINGS max_execution_time = 0',
  "; SELECT * FROM file('/etc/passwd')",
  '; DROP TABLE tender_received',
  "UNION ALL SELECT file('/etc/passwd')",
  "UNION ALL SELECT * FROM url('http://127.0.0.1:9/', 'TSV', 'x String')",
  'UNION ALL SELECT name FROM system.tables',
  'UNION ALL SELECT * FROM system.models',
  'WHERE tender_id IN system.processes',
  'WHERE tender_id IN (SELECT query FROM system.processes)',
  "AND dictGet('d', 'a', 1) = 1",
  "JOIN remote('127.0.0.1:9', system.one) AS r ON 1",
  'KILL QUERY WHERE 1',
  'USE system',
  '$$ ; $$',
  '$tag$ INTO OUTFILE $tag$',
  "'it''s'",
  "'a\\'b'",
  '"quoted id"',
  '`back tick`',
  '/* INTO OUTFILE */',
  '/* nested /* comment */ still */',
  '-- line comment\n',
  '# hash comment\n',
  'SELECT sleep(3)',
  'LIMIT 1',
  'FINAL',
  'ORDER BY 1',
  'AS `INTO OUTFILE`',
  'SELECT * APPLY(file)',
  '{p:String}',
  'EXPLAIN AST',
  'DESCRIBE TABLE',
];

const TOKENS = [
  'SELECT',
  'INTO',
  'OUTFILE',
  'FORMAT',
  'SETTINGS',
  'FROM',
  'WHERE',
  ';',
  '(',
  ')',
  ',',
  "'",
  '"',
  '`',
  '$$',
  '*',
  'file',
  'url',
  'system',
  '.',
  'one',
  'tender_received',
  '1',
  "'/tmp/presales-fuzz-out'",
  'UNION',
  'ALL',
  'WITH',
  'AS',
  'x',
  'TSV',
  '--',
  '/*',
  '*/',
  '\\',
];

const GLUES = [
  ' ',
  '\n',
  '\t',
  '  ',
  '\u00a0',
  '\u200b',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u2028',
  '/**/',
  ' -- c\n',
  '\r\n',
  '\u000b',
  '\u000c',
];

/** Lookalike characters for letters and punctuation, and invisible characters inside words. */
const LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  O: ['\u041e', '\u039f', '\uff2f'],
  I: ['\u0406', '\u0399', '\uff29'],
  E: ['\u0415', '\u0395'],
  ';': ['\uff1b', '\u037e'],
  "'": ['\u2019', '\u2018', '\uff07'],
  '(': ['\uff08'],
  ' ': ['\u00a0', '\u2009', '\u200b', '\u180e'],
  '.': ['\u2024', '\uff0e'],
};

function disguise(text: string, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  let out = '';
  for (const c of text) {
    const options = LOOKALIKES[c.toUpperCase()] ?? LOOKALIKES[c];
    if (options !== undefined && random() < 0.3) out += pick(options);
    else if (random() < 0.02) out += `${c}\u200d`;
    else out += random() < 0.1 ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c;
  }
  return out;
}
