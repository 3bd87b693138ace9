import type { StoreVerification, StreamVerification, TamperFinding } from '@presales/event-store';

/** A stream's chain verdict, JSON-safe: intact with its event count, or the first broken revision. */
export type ChainVerdict =
  | { readonly ok: true; readonly streamId: string; readonly events: number }
  | { readonly ok: false; readonly streamId: string; readonly firstBrokenRevision: string; readonly reason: string };

export function chainVerdictOf(verification: StreamVerification): ChainVerdict {
  return verification.ok
    ? { ok: true, streamId: verification.streamId, events: verification.events }
    : {
        ok: false,
        streamId: verification.streamId,
        firstBrokenRevision: verification.firstBrokenRevision.toString(),
        reason: verification.reason,
      };
}

export type ChainFinding =
  | {
      readonly kind: 'stream';
      readonly streamId: string;
      readonly firstBrokenRevision: string;
      readonly reason: string;
    }
  | { readonly kind: 'log'; readonly position: string; readonly reason: string };

function findingOf(finding: TamperFinding): ChainFinding {
  return finding.kind === 'stream'
    ? {
        kind: 'stream',
        streamId: finding.streamId,
        firstBrokenRevision: finding.firstBrokenRevision.toString(),
        reason: finding.reason,
      }
    : { kind: 'log', position: finding.position.toString(), reason: finding.reason };
}

/** The whole store's verdict, with how long recomputing it took (DESIGN.md decision 5). */
export type StoreChainReport = {
  readonly engine: string;
  readonly streams: number;
  readonly events: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
} & (
  | { readonly ok: true }
  | { readonly ok: false; readonly findings: readonly ChainFinding[]; readonly findingsOmitted: number }
);

export function storeChainReportOf(
  engine: string,
  verification: StoreVerification,
  elapsedMs: number,
): StoreChainReport {
  const timing = {
    engine,
    streams: verification.streams,
    events: verification.events,
    elapsedMs: Math.round(elapsedMs * 10) / 10,
    eventsPerSecond: elapsedMs > 0 ? Math.round((verification.events / elapsedMs) * 1000) : 0,
  };
  return verification.ok
    ? { ...timing, ok: true }
    : {
        ...timing,
        ok: false,
        findings: verification.findings.map(findingOf),
        findingsOmitted: verification.findingsOmitted,
      };
}
