import type { RecordSearchResponse } from '@presales/contracts';
import type {
  AuditReadsAnswer,
  BidHistory,
  ChainVerdict,
  DeadlineProof,
  StateAsOf,
  StateDiff,
  StoreChainReport,
} from '@presales/audit';
import { getJson, getRaw } from './audit-client.js';
import { saveEvidencePack } from './audit-evidence.js';
import {
  diffText,
  historyText,
  proofText,
  readsText,
  searchText,
  stateText,
  storeReportText,
  chainText,
} from './audit-format.js';
import { CliError, reportFailure } from './cli-error.js';
import { platformUrl } from './platform-client.js';

/** `presales audit <subcommand>`: each one asks the running platform's /api/audit. */
export const AUDIT_SUBCOMMANDS = {
  search:
    'search TEXT [--page N]: the bids whose tender id, issuer, opportunity name, customer or quote id contains TEXT',
  history: 'history TENDER_ID: every event of the tender and its linked streams, in $all order',
  'as-of': 'as-of STREAM [--at REVISION|ISO_TIME|head]: the stream folded up to that moment',
  diff: 'diff STREAM --from MOMENT [--to MOMENT]: fields and quote lines added, changed, removed',
  proof: 'proof TENDER_ID: deadline proof of the submission',
  verify: 'verify [STREAM]: recompute the hash chain of one stream, or of the whole store (exit 1 if broken)',
  evidence: 'evidence TENDER_ID [--out FILE.tar | --extract DIR]: the evidence pack, verifiable without the platform',
  kpis: 'kpis --as-of ISO [--period P] [--scope S]: scorecard and maturity as they were, as canonical JSON',
  reads: 'reads [--from DAY] [--to DAY] [--actor ID] [--stream S]: who looked at what (admin)',
} as const;
type AuditSubcommand = keyof typeof AUDIT_SUBCOMMANDS;
const WITHOUT_SUBJECT: ReadonlySet<string> = new Set(['kpis', 'reads']);

/** Exit codes: 0 answered (and intact), 1 a chain is broken, 2 a usage or platform error. */
export async function runAudit(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  const [sub, subject, ...rest] = positional;
  try {
    if (sub === undefined || !Object.hasOwn(AUDIT_SUBCOMMANDS, sub))
      throw new CliError(`say what to do: ${Object.keys(AUDIT_SUBCOMMANDS).join(', ')}`);
    const stray = WITHOUT_SUBJECT.has(sub) ? subject : rest[0];
    if (stray !== undefined) throw new CliError(`unexpected argument ${JSON.stringify(stray)}`);
    const json = options['format'] === 'json';
    if (options['format'] !== undefined && !['json', 'text'].includes(options['format']))
      throw new CliError('--format must be text or json');
    const context = { base: platformUrl(options), subject, options, json };
    return await SUBCOMMANDS[sub as AuditSubcommand](context);
  } catch (error) {
    return reportFailure('audit', error);
  }
}

interface Context {
  readonly base: string;
  readonly subject: string | undefined;
  readonly options: Readonly<Record<string, string>>;
  readonly json: boolean;
}

/** The subject as a path segment; a CliError when it is missing. */
function required(context: Context, what: 'tender id' | 'stream'): string {
  if (context.subject === undefined)
    throw new CliError(
      `give the ${what}, e.g. presales audit ${what === 'tender id' ? 'history T-1' : 'as-of tender-T-1'}`,
    );
  return encodeURIComponent(context.subject);
}

function query(options: Readonly<Record<string, string>>, names: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams();
  for (const [option, param] of Object.entries(names))
    if (options[option] !== undefined) params.set(param, options[option]!);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function show<T>(context: Context, path: string, render: (body: T) => string): Promise<T> {
  const body = await getJson<T>(context.base, path);
  console.log(context.json ? JSON.stringify(body, null, 2) : render(body));
  return body;
}

const SUBCOMMANDS: Readonly<Record<AuditSubcommand, (context: Context) => Promise<number>>> = {
  search: async (c) => {
    if (c.subject === undefined) throw new CliError('give the text to look for, e.g. presales audit search Acme');
    await show<RecordSearchResponse>(
      c,
      `/api/audit/search${query({ ...c.options, q: c.subject }, { q: 'q', page: 'page' })}`,
      searchText,
    );
    return 0;
  },
  history: async (c) => (
    await show<BidHistory>(c, `/api/audit/tenders/${required(c, 'tender id')}/history`, historyText),
    0
  ),
  'as-of': async (c) => (
    await show<StateAsOf>(
      c,
      `/api/audit/streams/${required(c, 'stream')}/state${query(c.options, { at: 'at' })}`,
      stateText,
    ),
    0
  ),
  diff: async (c) => {
    if (c.options['from'] === undefined) throw new CliError('give --from REVISION|ISO_TIME (and optionally --to)');
    await show<StateDiff>(
      c,
      `/api/audit/streams/${required(c, 'stream')}/diff${query(c.options, { from: 'from', to: 'to' })}`,
      diffText,
    );
    return 0;
  },
  proof: async (c) => (
    await show<DeadlineProof>(c, `/api/audit/tenders/${required(c, 'tender id')}/deadline-proof`, proofText),
    0
  ),
  verify: async (c) => {
    if (c.subject === undefined)
      return (await show<StoreChainReport>(c, '/api/audit/verify', storeReportText)).ok ? 0 : 1;
    return (
      await show<ChainVerdict>(
        c,
        `/api/audit/streams/${encodeURIComponent(c.subject)}/verify`,
        (v) => `${v.streamId}: ${chainText(v)}`,
      )
    ).ok
      ? 0
      : 1;
  },
  evidence: async (c) => {
    required(c, 'tender id');
    const saved = await saveEvidencePack(c.base, c.subject!, { out: c.options['out'], extract: c.options['extract'] });
    console.log(`wrote ${saved.path} (${saved.bytes.toLocaleString('en-US')} bytes)`);
    console.log(
      `manifest.json SHA-256 ${saved.manifestSha256} (the platform's audit log keeps it too: keep this value apart from the pack)`,
    );
    console.log(`verify: ${saved.verifyCommand}`);
    return 0;
  },
  kpis: async (c) => {
    if (c.options['as-of'] === undefined) throw new CliError('give --as-of ISO_TIME, the moment to travel back to');
    const path = `/api/audit/kpis${query(c.options, { 'as-of': 'asOf', period: 'period', scope: 'scope', window: 'window', threshold: 'threshold' })}`;
    const { bytes, headers } = await getRaw(c.base, path);
    // The bytes as the platform sent them: asked again later, they must be identical.
    process.stdout.write(bytes);
    process.stdout.write('\n');
    console.error(`SHA-256 ${headers.get('x-content-sha256') ?? 'unknown'}`);
    return 0;
  },
  reads: async (c) => {
    await show<AuditReadsAnswer>(
      c,
      `/api/audit/reads${query(c.options, { from: 'from', to: 'to', actor: 'actorId', stream: 'stream' })}`,
      readsText,
    );
    return 0;
  },
};
