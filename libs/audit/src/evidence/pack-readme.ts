/** README.txt of every pack: the procedure for a reader who has only the pack and Node.js. */
export function packReadme(tenderId: string): string {
  return `Evidence pack for tender ${tenderId}, made by Presales Ledger.

Files
  events.jsonl     every event of the bid, one JSON object per line, in the order the event
                   store recorded them ($all order), with revision, position, recordedAt,
                   prevHash and hash (the platform's export line format)
  withheld.jsonl   links of events that are not about this bid (a consultant's other work):
                   revision, position, prevHash and hash only, so their streams' chains can be
                   followed without disclosing them
  findings.json    the platform's verdicts: each stream's chain as the store verified it, the
                   deadline proof, quote revisions recorded after the submission
  summary.html     the same for a human reader
  verify.mjs       the verifier (Node.js 18 or later, nothing to install)
  manifest.json    the SHA-256 and size of every file above, and where each chain must end
  manifest.sha256  the SHA-256 of manifest.json (sha256sum format)

Procedure
  1. Compare manifest.sha256 with the value you were given separately. The platform records
     it in its audit log for every pack it makes (GET /api/audit/reads, as an admin).
  2. Run: node verify.mjs
     It checks every file against manifest.json, recomputes every event's hash and every
     stream's chain, checks each chain ends where manifest.json says, and recomputes the
     findings from events.jsonl. Exit code 0: the pack is intact and so is the record.
     1: something does not hold; the output names the stream and the first broken revision.
     2: the pack cannot be read.
     node verify.mjs --json prints the same as JSON.
  3. Without the script: sha256sum -c manifest.sha256, then recompute each hash by the rule
     in manifest.json ("hashing").
`;
}
