/** At most this many words count in one search; each at most this long. */
export const MAX_SEARCH_WORDS = 8;
export const MAX_WORD_LENGTH = 64;

// Chinese has no spaces: ICU's dictionary-based word break (Node's Intl.Segmenter) splits
// "云计算解决方案" into 云 / 计算 / 解决 / 方案, and English at spaces and punctuation
// (docs/decisions/0032). The locale only picks tailorings; the dictionary covers CJK in any.
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words of a search text, lower-cased, each once, in order; punctuation and spaces dropped.
 * Each word must be found in an asset's title or summary, so a longer query narrows.
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const segment of SEGMENTER.segment(text.normalize('NFKC'))) {
    if (segment.isWordLike !== true) continue;
    const word = segment.segment.toLowerCase().slice(0, MAX_WORD_LENGTH);
    if (!words.includes(word)) words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}
