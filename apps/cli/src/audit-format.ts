import type {
  AuditReadsAnswer,
  BidHistory,
  ChainVerdict,
  DeadlineProof,
  MomentJson,
  StateAsOf,
  StateDiff,
  StoreChainReport,
} from '@presales/audit';
import type { RecordSearchResponse } from '@presales/contracts';
import { formatTable } from './format-rows.js';

/** How the audit answers read in a terminal: one function per answer, pure, unit-tested. */

const text = (name: string) => ({ name, type: 'String' });

export function chainText(chain: ChainVerdict): string {
  return chain.ok
    ? `intact, ${chain.events} events`
    : `BROKEN at revision ${chain.firstBrokenRevision}: ${chain.reason}`;
}

export function momentText(moment: MomentJson): string {
  return moment.kind === 'head' ? 'head' : moment.kind === 'time' ? moment.at : `revision ${moment.revision}`;
}

export function historyText(history: BidHistory): string {
  const streams = history.streams.map((s) => ({
    stream: s.streamId,
    link: s.link,
    events: s.readable ? String(s.eventsInHistory) : '',
    chain: s.readable ? chainText(s.chain) : `UNREADABLE: ${s.reason}`,
  }));
  const events = history.events.map((e) => ({
    position: e.position,
    recorded: e.recordedAt,
    occurred: e.occurredAt,
    event: `${e.streamId}@${e.revision}`,
    type: e.type,
    actor: `${e.actor.id} (${e.actor.role})`,
    hash: e.hash.slice(0, 12),
  }));
  return [
    `History of tender ${history.tenderId} (opportunity ${history.opportunityId}): ${history.events.length} events from ${history.streams.length} streams`,
    formatTable(['stream', 'link', 'events', 'chain'].map(text), streams),
    '',
    formatTable(['position', 'recorded', 'occurred', 'event', 'type', 'actor', 'hash'].map(text), events),
  ].join('\n');
}

export function stateText(state: StateAsOf): string {
  const through =
    state.through === null
      ? 'no events yet'
      : `${state.eventsFolded} events through revision ${state.through.revision} (recorded ${state.through.recordedAt})`;
  return [
    `${state.streamId} as of ${momentText(state.moment)}: status ${state.status}, ${through}`,
    `chain of the folded events: ${chainText(state.chain)}`,
    `state: ${JSON.stringify(state.state, null, 2)}`,
    ...(state.derived.kind === 'none' ? [] : [`derived: ${JSON.stringify(state.derived, null, 2)}`]),
  ].join('\n');
}

export function diffText(diff: StateDiff): string {
  const at = (summary: StateDiff['from']) =>
    `${momentText(summary.moment)} (${summary.through === null ? 'before the first event' : `revision ${summary.through.revision}`}, ${summary.status})`;
  const lines = [`${diff.streamId} from ${at(diff.from)} to ${at(diff.to)}: ${diff.events.length} events`];
  for (const e of diff.events)
    lines.push(`  ${e.recordedAt}  ${e.streamId}@${e.revision}  ${e.type}  by ${e.actor.id} (${e.actor.role})`);
  if (diff.quoteLines !== null) {
    const q = diff.quoteLines;
    lines.push(`quote lines (revision ${q.fromRevision ?? 'none'} -> ${q.toRevision ?? 'none'}):`);
    for (const line of q.added)
      lines.push(
        `  added    ${line.lineId} ${line.sku} ${line.description}: ${line.quantity} x ${line.unitPrice}, discount ${line.discountPct} %`,
      );
    for (const line of q.changed)
      lines.push(
        `  changed  ${line.lineId} ${line.fields.map((f) => `${f.field} ${JSON.stringify(f.from)} -> ${JSON.stringify(f.to)}`).join(', ')}`,
      );
    for (const line of q.removed)
      lines.push(`  removed  ${line.lineId} ${line.sku} ${line.description}: ${line.quantity} x ${line.unitPrice}`);
  }
  lines.push('fields:');
  for (const f of diff.fields.added) lines.push(`  added    ${f.path} = ${JSON.stringify(f.value)}`);
  for (const f of diff.fields.changed)
    lines.push(`  changed  ${f.path}: ${JSON.stringify(f.from)} -> ${JSON.stringify(f.to)}`);
  for (const f of diff.fields.removed) lines.push(`  removed  ${f.path} (was ${JSON.stringify(f.value)})`);
  lines.push(`chain: ${chainText(diff.chain)}`);
  return lines.join('\n');
}

export function storeReportText(report: StoreChainReport): string {
  const head = `${report.engine} store: ${report.streams} streams, ${report.events} events verified in ${report.elapsedMs} ms (${report.eventsPerSecond.toLocaleString('en-US')} events/s)`;
  if (report.ok) return `${head}: intact`;
  const findings = report.findings.map((f) =>
    f.kind === 'stream'
      ? `  ${f.streamId} BROKEN at revision ${f.firstBrokenRevision}: ${f.reason}`
      : `  $all log at position ${f.position}: ${f.reason}`,
  );
  return [
    `${head}: TAMPERED`,
    ...findings,
    ...(report.findingsOmitted > 0 ? [`  … and ${report.findingsOmitted} more`] : []),
  ].join('\n');
}

const row = (label: string, value: string) => `  ${label.padEnd(24)}${value}`;

export function proofText(proof: DeadlineProof): string {
  const lines = [`Deadline proof for tender ${proof.tenderId}`, row('deadline', proof.deadline)];
  if (proof.status === 'not_submitted')
    return [...lines, row('chain', chainText(proof.chain)), 'verdict: NOT SUBMITTED (no BidSubmitted recorded)'].join(
      '\n',
    );
  const seconds = (Math.abs(proof.recordedAfterDeadlineMs) / 1000).toFixed(3);
  const { submission } = proof;
  const verdict = {
    on_time: 'ON TIME',
    late: 'LATE',
    unproven: 'UNPROVEN: the tender chain is broken, its stamps cannot be relied on',
  }[proof.verdict];
  return [
    ...lines,
    row(
      `recorded (${submission.clock} clock)`,
      `${submission.recordedAt}  ${seconds} s ${proof.recordedLate ? 'after' : 'before'} the deadline`,
    ),
    row('occurred (claimed)', `${submission.occurredAt}  ${proof.claimedLate ? 'late' : 'on time'} by its own claim`),
    row(
      'submitted by',
      `${submission.actor.id} (${submission.actor.role}) via ${submission.channel}${submission.receiptRef === null ? '' : `, receipt ${submission.receiptRef}`}`,
    ),
    row('document SHA-256', submission.documentSha256),
    row(
      'event',
      `tender-${proof.tenderId}@${submission.revision}, position ${submission.position}, hash ${submission.hash}`,
    ),
    row('chain', chainText(proof.chain)),
    `verdict: ${verdict}`,
  ].join('\n');
}

export function readsText(answer: AuditReadsAnswer): string {
  const rows = answer.reads.map((r) => ({
    recorded: r.recordedAt,
    actor: `${r.actor.id} (${r.actor.role})`,
    request: r.request,
    subject: r.subject,
    outcome:
      r.outcome.kind === 'answered'
        ? r.outcome.answerSha256 === undefined
          ? 'answered'
          : `answered ${r.outcome.answerSha256.slice(0, 12)}`
        : `refused: ${r.outcome.code}`,
    streams:
      r.streams.length > 3 ? `${r.streams.slice(0, 3).join(', ')}, … (${r.streams.length})` : r.streams.join(', '),
  }));
  const broken = answer.chains.filter((c) => !c.ok);
  return [
    `Audit reads ${answer.from} to ${answer.to}: ${answer.reads.length}`,
    formatTable(['recorded', 'actor', 'request', 'subject', 'outcome', 'streams'].map(text), rows),
    broken.length === 0
      ? `audit log chains: ${answer.chains.length} days, intact`
      : `audit log chains: ${broken.map((c) => `${c.streamId} ${chainText(c)}`).join('; ')}`,
  ].join('\n');
}

export function searchText(answer: RecordSearchResponse): string {
  if (answer.tenders.length === 0)
    return answer.page === 1
      ? `No bid matches ${JSON.stringify(answer.q)}.`
      : `No bid on page ${answer.page} for ${JSON.stringify(answer.q)}.`;
  const rows = answer.tenders.map((t) => ({
    tender: t.tenderId,
    issuer: t.issuer,
    opportunity: t.opportunityName === '' ? t.opportunityId : `${t.opportunityName} (${t.opportunityId})`,
    customer: t.customer,
    quotes: t.quoteIds.join(', '),
    deadline: t.deadline,
  }));
  return [
    formatTable(['tender', 'issuer', 'opportunity', 'customer', 'quotes', 'deadline'].map(text), rows),
    answer.more ? `page ${answer.page}; more: --page ${answer.page + 1}` : `page ${answer.page}, the last`,
  ].join('\n');
}
