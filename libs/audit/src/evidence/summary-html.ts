import type { Actor } from '@presales/domain';
import type { HistoryEvent } from '../history/bid-history.js';
import type { ChainVerdict } from '../verification/chain-verdict.js';
import type { PackDeadlineFinding, PackFindings } from './pack-findings.js';
import type { PackStream } from './pack-manifest.js';

export interface SummaryInput {
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly createdAt: string;
  readonly createdBy: Actor;
  readonly engine: string;
  readonly streams: readonly PackStream[];
  readonly findings: PackFindings;
  readonly events: readonly HistoryEvent[];
}

/** summary.html: the pack for a human reader, self-contained (no scripts, no external files). */
export function renderSummaryHtml(input: SummaryInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Evidence pack: tender ${escape(input.tenderId)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #c9ced8; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef1f6; }
code, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
.ok { color: #1b6b2f; font-weight: 600; }
.bad { color: #a0161b; font-weight: 600; }
</style>
</head>
<body>
<h1>Evidence pack: tender ${escape(input.tenderId)}</h1>
<p>Opportunity ${escape(input.opportunityId)}. Made ${escape(input.createdAt)} by ${escape(input.createdBy.id)} (${escape(input.createdBy.role)}) from the ${escape(input.engine)} event store.</p>
<h2>Deadline</h2>
${deadlineSection(input.findings.deadline)}
<h2>Quote revisions recorded after the submission</h2>
${revisionsSection(input.findings)}
<h2>Hash chains</h2>
${chainsTable(input)}
<h2>Events in the order the store recorded them</h2>
${eventsTable(input.events)}
<h2>How to verify this pack</h2>
<ol>
<li>Compare the SHA-256 in <code>manifest.sha256</code> with the one you received separately (the platform's audit log records it for every pack it makes).</li>
<li>Run <code>node verify.mjs</code> in this folder (Node.js 18 or later, nothing to install). It checks every file against <code>manifest.json</code>, recomputes every event's hash and each stream's chain, and recomputes the findings above from <code>events.jsonl</code>.</li>
<li>The procedure and the hashing rule are described in <code>README.txt</code> and in the platform's <code>docs/audit.md</code>.</li>
</ol>
</body>
</html>
`;
}

function deadlineSection(deadline: PackDeadlineFinding): string {
  if (deadline.status === 'not_submitted')
    return `<p>Deadline ${escape(deadline.deadline)}. No submission is recorded.</p>`;
  const verdict = {
    on_time: '<span class="ok">ON TIME</span>',
    late: '<span class="bad">LATE</span>',
    unproven: '<span class="bad">UNPROVEN: the tender chain is broken</span>',
  }[deadline.verdict];
  return `<table>
<tr><th>deadline</th><td class="mono">${escape(deadline.deadline)}</td></tr>
<tr><th>recorded by the store (attested)</th><td class="mono">${escape(deadline.recordedAt)}</td></tr>
<tr><th>occurred (claimed by the writer)</th><td class="mono">${escape(deadline.occurredAt)}${deadline.claimedLate ? ' (late by its own claim)' : ''}</td></tr>
<tr><th>submitted document SHA-256</th><td class="mono">${escape(deadline.documentSha256)}</td></tr>
<tr><th>verdict</th><td>${verdict}</td></tr>
</table>`;
}

function revisionsSection(findings: PackFindings): string {
  if (findings.quoteRevisionsAfterSubmission.length === 0) return '<p>None.</p>';
  const rows = findings.quoteRevisionsAfterSubmission.map(
    (r) =>
      `<tr><td class="mono">${escape(r.streamId)}@${escape(r.revision)}</td><td>${r.quoteRevision ?? ''}</td><td class="mono">${escape(r.recordedAt)}</td></tr>`,
  );
  return `<table><tr><th>event</th><th>quote revision</th><th>recorded</th></tr>\n${rows.join('\n')}\n</table>`;
}

function chainsTable(input: SummaryInput): string {
  const rows = input.findings.chains.map((finding) => {
    const stream = input.streams.find((s) => s.streamId === finding.streamId);
    const withheld =
      stream?.readable === true && stream.eventsWithheld > 0
        ? ` (${stream.eventsWithheld} of its events withheld: not about this bid)`
        : '';
    const verdict =
      'unreadable' in finding
        ? `<span class="bad">unreadable: ${escape(finding.unreadable)}</span>`
        : chainText(finding.store);
    return `<tr><td class="mono">${escape(finding.streamId)}</td><td>${finding.link}</td><td>${verdict}${escape(withheld)}</td></tr>`;
  });
  return `<table><tr><th>stream</th><th>why it is here</th><th>verified by the store</th></tr>\n${rows.join('\n')}\n</table>`;
}

function chainText(chain: ChainVerdict): string {
  return chain.ok
    ? `<span class="ok">intact</span>, ${chain.events} events`
    : `<span class="bad">BROKEN at revision ${escape(chain.firstBrokenRevision)}</span>: ${escape(chain.reason)}`;
}

function eventsTable(events: readonly HistoryEvent[]): string {
  const rows = events.map(
    (e) =>
      `<tr><td>${e.position}</td><td class="mono">${escape(e.recordedAt)}</td><td class="mono">${escape(e.occurredAt)}</td><td class="mono">${escape(e.streamId)}@${e.revision}</td><td>${escape(e.type)}</td><td>${escape(e.actor.id)} (${escape(e.actor.role)})</td><td class="mono">${escape(abbreviate(JSON.stringify(e.data), 160))}</td><td class="mono">${escape(e.hash.slice(0, 16))}…</td></tr>`,
  );
  return `<table><tr><th>position</th><th>recorded</th><th>occurred</th><th>stream@revision</th><th>type</th><th>actor</th><th>data</th><th>hash</th></tr>\n${rows.join('\n')}\n</table>`;
}

function abbreviate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
