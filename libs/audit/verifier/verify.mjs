#!/usr/bin/env node
// Presales Ledger evidence pack verifier.
//
//   node verify.mjs [PACK_DIR] [--json]
//
// Needs Node.js 18 or later and nothing else: it imports only node:crypto, node:fs, node:path
// and node:url, so it runs without the platform, its database or its code. It checks that
//   1. every file matches the SHA-256 and size manifest.json gives for it,
//   2. events.jsonl is in $all order (positions strictly increasing),
//   3. every stream's hash chain holds: revisions 0, 1, 2, … without gaps, each event's prevHash
//      is the hash before it, each event hashes to its recorded hash, and the chain ends at the
//      revision and hash manifest.json recorded (events withheld from the pack are followed by
//      their links only),
//   4. the platform's findings (findings.json) are what the events say: the store's chain
//      verdicts, the deadline verdict, the quote revisions recorded after the submission.
// Exit code 0: pack intact and record intact. 1: something does not hold (the output says
// what and where). 2: the pack cannot be read.
//
// The hash rule is DESIGN.md decision 5 of Presales Ledger, as libs/event-store/src/hash-chain.ts
// computes it: sha256hex(prevHash + canonical JSON of {data, metadata without hash, revision,
// streamId, type}), where canonical JSON sorts object keys by UTF-16 code units at every depth
// and writes no whitespace. The first event of a stream has prevHash = 64 zeros.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      return `{${Object.keys(value)
        .sort()
        .filter((key) => value[key] !== undefined)
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
        .join(',')}}`;
    default:
      throw new TypeError(`${typeof value} is not JSON`);
  }
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The hash an export line's event must carry. */
export function eventHash(line) {
  const { hash: _hash, ...metadata } = line.metadata;
  return sha256(
    metadata.prevHash +
      canonicalJson({ data: line.data, metadata, revision: line.revision, streamId: line.stream, type: line.type }),
  );
}

/** Order of two ISO-8601 UTC times, exact to any number of fractional digits (as the platform compares them). */
export function compareUtcTimes(left, right) {
  const split = (time) => {
    const bare = time.endsWith('Z') ? time.slice(0, -1) : time;
    const dot = bare.indexOf('.');
    return dot === -1 ? [bare, ''] : [bare.slice(0, dot), bare.slice(dot + 1)];
  };
  const [ls, lf] = split(left);
  const [rs, rf] = split(right);
  if (ls !== rs) return ls < rs ? -1 : 1;
  const width = Math.max(lf.length, rf.length);
  const a = lf.padEnd(width, '0');
  const b = rf.padEnd(width, '0');
  return a === b ? 0 : a < b ? -1 : 1;
}

class UnreadablePack extends Error {}

function readJson(dir, path) {
  const file = join(dir, path);
  if (!existsSync(file)) throw new UnreadablePack(`${path} is missing`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UnreadablePack(`${path} is not JSON: ${error.message}`);
  }
}

function readJsonLines(dir, path) {
  const file = join(dir, path);
  if (!existsSync(file)) throw new UnreadablePack(`${path} is missing`);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  return lines.map((line, index) => {
    try {
      return JSON.parse(line);
    } catch (error) {
      throw new UnreadablePack(`${path} line ${index + 1} is not JSON: ${error.message}`);
    }
  });
}

function checkFiles(dir, manifest) {
  return manifest.files.map(({ path, sha256: expected, bytes }) => {
    if (isAbsolute(path) || normalize(path).startsWith('..'))
      return { path, ok: false, reason: 'the manifest names a file outside the pack' };
    const file = join(dir, path);
    if (!existsSync(file)) return { path, ok: false, reason: 'missing' };
    const content = readFileSync(file);
    if (content.length !== bytes)
      return { path, ok: false, reason: `${content.length} bytes, the manifest says ${bytes}` };
    const actual = sha256(content);
    return actual === expected
      ? { path, ok: true }
      : { path, ok: false, reason: `SHA-256 ${actual}, the manifest says ${expected}` };
  });
}

function checkLogOrder(events) {
  for (let i = 1; i < events.length; i += 1) {
    if (!(events[i].position > events[i - 1].position)) {
      return {
        ok: false,
        reason: `line ${i + 1} (${events[i].stream}@${events[i].revision}, position ${events[i].position}) is not after position ${events[i - 1].position}`,
      };
    }
  }
  return { ok: true };
}

/** Recomputes one stream's chain from its full events and withheld links, in revision order. */
export function verifyChain(stream, events, withheld) {
  const links = [
    ...events.map((line) => ({ line, withheld: false })),
    ...withheld.map((line) => ({ line, withheld: true })),
  ].sort((a, b) => a.line.revision - b.line.revision);
  let expectedRevision = 0;
  let prevHash = GENESIS_HASH;
  let lastPosition = -1;
  const broken = (revision, reason) => ({
    ok: false,
    streamId: stream.streamId,
    firstBrokenRevision: String(revision),
    reason,
  });
  for (const { line, withheld: isWithheld } of links) {
    if (line.revision !== expectedRevision) {
      return broken(
        expectedRevision,
        line.revision > expectedRevision
          ? `revision ${expectedRevision} is missing (deleted), found ${line.revision} next`
          : `revision ${line.revision} appears again or out of order`,
      );
    }
    const linkPrev = isWithheld ? line.prevHash : line.metadata.prevHash;
    const linkHash = isWithheld ? line.hash : line.metadata.hash;
    if (linkPrev !== prevHash)
      return broken(line.revision, 'prevHash does not match the previous event (deleted, inserted or reordered)');
    if (!isWithheld && eventHash(line) !== linkHash)
      return broken(line.revision, 'content does not match its hash (edited)');
    if (line.position <= lastPosition)
      return broken(line.revision, `position ${line.position} is not after the previous event's (reordered in $all)`);
    lastPosition = line.position;
    prevHash = linkHash;
    expectedRevision += 1;
  }
  const lastRevision = Number(stream.lastRevision);
  if (expectedRevision - 1 < lastRevision)
    return broken(
      expectedRevision,
      `the manifest says the chain ends at revision ${lastRevision} but the pack's events end ${expectedRevision === 0 ? 'before revision 0' : `at ${expectedRevision - 1}`} (deleted)`,
    );
  if (expectedRevision - 1 > lastRevision)
    return broken(
      lastRevision + 1,
      `events continue past revision ${lastRevision}, where the manifest says the chain ends (inserted)`,
    );
  if (prevHash !== stream.lastHash)
    return broken(lastRevision, 'the last event does not match the hash the manifest recorded (edited or replaced)');
  return { ok: true, streamId: stream.streamId, events: events.length + withheld.length, withheld: withheld.length };
}

const sameVerdict = (a, b) => a.ok === b.ok && (a.ok || a.firstBrokenRevision === b.firstBrokenRevision);

/**
 * Whether the store's verdict fits what the pack shows. The store may know more than any pack
 * can (its head record notices a deleted last event), so it may report a break the pack's
 * events do not show, or an earlier one; it may never report intact what the pack shows broken.
 */
function fitsStore(recomputed, store) {
  if (store === undefined) return false;
  if (sameVerdict(recomputed, store)) return true;
  return !store.ok && (recomputed.ok || Number(recomputed.firstBrokenRevision) > Number(store.firstBrokenRevision));
}

function recomputeDeadline(tenderEvents, tenderIntact) {
  const received = tenderEvents.find((line) => line.type === 'TenderReceived');
  if (received === undefined || typeof received.data.deadline !== 'string')
    return { status: 'unknown', reason: 'the pack has no readable TenderReceived' };
  const deadline = received.data.deadline;
  const submitted = tenderEvents.find((line) => line.type === 'BidSubmitted');
  if (submitted === undefined) return { status: 'not_submitted', deadline };
  const { occurredAt, recordedAt } = submitted.metadata;
  const recordedLate = compareUtcTimes(recordedAt, deadline) > 0;
  return {
    status: 'submitted',
    deadline,
    revision: String(submitted.revision),
    occurredAt,
    recordedAt,
    documentSha256: submitted.data.documentSha256,
    claimedLate: compareUtcTimes(occurredAt, deadline) > 0,
    recordedLate,
    verdict: !tenderIntact ? 'unproven' : recordedLate ? 'late' : 'on_time',
  };
}

function recomputeRevisionsAfterSubmission(events, manifest, deadline) {
  if (deadline.status !== 'submitted') return [];
  const quoteStreams = new Set(manifest.streams.filter((s) => s.link === 'quote').map((s) => s.streamId));
  return events
    .filter(
      (line) =>
        quoteStreams.has(line.stream) &&
        line.type === 'QuoteRevised' &&
        compareUtcTimes(line.metadata.recordedAt, deadline.recordedAt) > 0,
    )
    .map((line) => ({
      streamId: line.stream,
      revision: String(line.revision),
      quoteRevision: typeof line.data.revision === 'number' ? line.data.revision : null,
      recordedAt: line.metadata.recordedAt,
    }));
}

export function verifyPack(dir) {
  const manifest = readJson(dir, 'manifest.json');
  if (manifest.format !== 'presales-evidence-pack' || manifest.version !== 1)
    throw new UnreadablePack(
      `manifest.json is not a version 1 presales evidence pack (format ${manifest.format}, version ${manifest.version})`,
    );
  const manifestSha256 = sha256(readFileSync(join(dir, 'manifest.json')));
  const files = checkFiles(dir, manifest);
  const events = readJsonLines(dir, 'events.jsonl');
  const withheld = readJsonLines(dir, 'withheld.jsonl');
  const findings = readJson(dir, 'findings.json');
  const listed = new Set(manifest.streams.map((s) => s.streamId));
  const strays = [...new Set([...events, ...withheld].map((line) => line.stream))].filter(
    (stream) => !listed.has(stream),
  );
  const chains = manifest.streams.map((stream) => {
    const platform = findings.chains.find((f) => f.streamId === stream.streamId);
    if (!stream.readable) return { streamId: stream.streamId, link: stream.link, unreadable: stream.reason };
    const recomputed = verifyChain(
      stream,
      events.filter((line) => line.stream === stream.streamId),
      withheld.filter((line) => line.stream === stream.streamId),
    );
    const store = platform?.store;
    // The store checks what no pack can: its head record (a deleted last event) and events it hides.
    return { streamId: stream.streamId, link: stream.link, recomputed, store, agrees: fitsStore(recomputed, store) };
  });
  const tenderChain = chains.find((c) => c.link === 'tender');
  const tenderIntact = tenderChain?.recomputed?.ok === true && tenderChain?.store?.ok === true;
  const deadline = recomputeDeadline(
    events.filter((line) => line.stream === `tender-${manifest.tenderId}`),
    tenderIntact,
  );
  const revisions = recomputeRevisionsAfterSubmission(events, manifest, deadline);
  const order = checkLogOrder(events);
  const packIntact =
    files.every((f) => f.ok) &&
    order.ok &&
    strays.length === 0 &&
    chains.every((c) => c.unreadable !== undefined || c.agrees) &&
    canonicalJson(deadline) === canonicalJson(findings.deadline) &&
    canonicalJson(revisions) === canonicalJson(findings.quoteRevisionsAfterSubmission);
  const brokenStreams = chains
    .filter((c) => c.unreadable !== undefined || !c.recomputed.ok || c.store?.ok === false)
    .map((c) => c.streamId);
  return {
    tenderId: manifest.tenderId,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    manifestSha256,
    files,
    order,
    strays,
    chains,
    deadline: {
      recomputed: deadline,
      platform: findings.deadline,
      agrees: canonicalJson(deadline) === canonicalJson(findings.deadline),
    },
    quoteRevisionsAfterSubmission: {
      recomputed: revisions,
      platform: findings.quoteRevisionsAfterSubmission,
      agrees: canonicalJson(revisions) === canonicalJson(findings.quoteRevisionsAfterSubmission),
    },
    packIntact,
    recordIntact: brokenStreams.length === 0,
    brokenStreams,
  };
}

function chainText(verdict) {
  if (verdict === undefined) return 'not reported';
  if (verdict.ok)
    return `intact, ${verdict.events} events${verdict.withheld ? ` (${verdict.withheld} withheld: links followed, content not recomputed)` : ''}`;
  return `BROKEN at revision ${verdict.firstBrokenRevision}: ${verdict.reason}`;
}

function seconds(ms) {
  return `${(Math.abs(ms) / 1000).toFixed(3)} s`;
}

function deadlineText(d) {
  if (d.status === 'unknown') return `deadline: ${d.reason}`;
  if (d.status === 'not_submitted') return `deadline ${d.deadline}: no submission recorded`;
  const by = Date.parse(d.recordedAt) - Date.parse(d.deadline);
  const verdict =
    d.verdict === 'unproven'
      ? 'UNPROVEN (the tender chain is broken)'
      : d.verdict === 'late'
        ? `LATE by ${seconds(by)}`
        : `ON TIME (${seconds(by)} before the deadline)`;
  return `deadline ${d.deadline}: submission ${d.revision === undefined ? '' : `at revision ${d.revision} `}recorded ${d.recordedAt} (attested by the store), occurred ${d.occurredAt} (claimed${d.claimedLate ? ', late by its own claim' : ''}) -> ${verdict}; document SHA-256 ${d.documentSha256}`;
}

function printReport(report) {
  const out = [];
  out.push(
    `Evidence pack for tender ${report.tenderId}, made ${report.createdAt} by ${report.createdBy.id} (${report.createdBy.role})`,
  );
  out.push(`manifest.json SHA-256 ${report.manifestSha256}: compare it with the value you received separately`);
  const badFiles = report.files.filter((f) => !f.ok);
  out.push(
    badFiles.length === 0
      ? `files: all ${report.files.length} match the manifest`
      : `files: ${badFiles.length} of ${report.files.length} do NOT match the manifest`,
  );
  for (const f of badFiles) out.push(`  ${f.path}: ${f.reason}`);
  out.push(report.order.ok ? 'events.jsonl: in $all order' : `events.jsonl: NOT in $all order: ${report.order.reason}`);
  for (const stray of report.strays) out.push(`stream ${stray}: in the pack but not listed in the manifest`);
  for (const c of report.chains) {
    if (c.unreadable !== undefined) {
      out.push(`chain ${c.streamId} (${c.link}): UNREADABLE when the pack was made: ${c.unreadable}`);
      continue;
    }
    const store =
      c.store === undefined
        ? 'store: not reported'
        : sameVerdict(c.recomputed, c.store)
          ? 'the store agrees'
          : `${c.agrees ? 'the store found more' : 'DISAGREES with the store'}: ${chainText(c.store)}`;
    out.push(`chain ${c.streamId} (${c.link}): ${chainText(c.recomputed)} [${store}]`);
  }
  out.push(
    `${deadlineText(report.deadline.recomputed)}${report.deadline.agrees ? '' : " [DISAGREES with the platform's finding]"}`,
  );
  const revisions = report.quoteRevisionsAfterSubmission;
  out.push(
    revisions.recomputed.length === 0
      ? 'quote revisions recorded after the submission: none'
      : `quote revisions recorded after the submission: ${revisions.recomputed.map((r) => `${r.streamId}@${r.revision} (quote revision ${r.quoteRevision}) recorded ${r.recordedAt}`).join('; ')}`,
  );
  if (!revisions.agrees) out.push("  [DISAGREES with the platform's finding]");
  out.push(
    `verdict: pack ${report.packIntact ? 'intact' : 'NOT intact'}; record ${report.recordIntact ? 'intact' : `TAMPERED (broken: ${report.brokenStreams.join(', ')})`}`,
  );
  console.log(out.join('\n'));
}

function main(argv) {
  const json = argv.includes('--json');
  const positional = argv.filter((arg) => arg !== '--json');
  const dir = positional[0] ?? dirname(fileURLToPath(import.meta.url));
  let report;
  try {
    report = verifyPack(dir);
  } catch (error) {
    if (!(error instanceof UnreadablePack)) throw error;
    console.error(`verify.mjs: cannot read the pack in ${dir}: ${error.message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
  return report.packIntact && report.recordIntact ? 0 : 1;
}

/** Run as a script, not when imported (the platform's tests import it to compare its canonical JSON). */
const isMain =
  process.argv[1] !== undefined &&
  existsSync(process.argv[1]) &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (isMain) process.exitCode = main(process.argv.slice(2));
