/** Sample rows read per table: enough to show what a column holds, cheap on the largest table. */
export const SAMPLE_ROWS = 5;
/** Values shown per column. */
const SAMPLES_PER_COLUMN = 3;
/** A longer value (a payload, a checklist) is cut to this many characters and an ellipsis. */
const SAMPLE_CHARACTERS = 60;

/** Up to three distinct, non-empty values per column of `rows`, as text, long ones cut. */
export function sampleValues(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Map<string, string[]> {
  const samples = new Map<string, string[]>(columns.map((column) => [column, []]));
  for (const column of columns) {
    const seen = samples.get(column)!;
    for (const row of rows) {
      const text = asText(row[column]);
      if (text === '' || seen.includes(text)) continue;
      seen.push(text);
      if (seen.length === SAMPLES_PER_COLUMN) break;
    }
  }
  return samples;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const characters = [...text];
  return characters.length > SAMPLE_CHARACTERS ? `${characters.slice(0, SAMPLE_CHARACTERS).join('')}…` : text;
}
