/** One line of the command palette: what it starts, in the reader's language, and its code name. */
export interface PaletteEntry {
  readonly id: string;
  readonly label: string;
}

/** Entries holding every word typed, in their label or code name, ignoring case; in their order. */
export function matchEntries<E extends PaletteEntry>(entries: readonly E[], query: string): E[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  return entries.filter((entry) => {
    const text = `${entry.label} ${entry.id}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
