import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_WORDS, searchWords } from './search-words.js';

describe('searchWords', () => {
  it('splits Chinese by dictionary words, not by character or as one block', () => {
    expect(searchWords('云计算解决方案')).toEqual(['云', '计算', '解决', '方案']);
    expect(searchWords('零售行业案例')).toEqual(['零售', '行业', '案例']);
  });

  it('splits English and mixed text at spaces and punctuation, lower-cased, each word once', () => {
    expect(searchWords('SAP FI, Demo-Script: demo 报价模型')).toEqual(['sap', 'fi', 'demo', 'script', '报价', '模型']);
  });

  it('folds full-width letters and digits to their plain forms', () => {
    expect(searchWords('ＥＲＰ　２０２６')).toEqual(['erp', '2026']);
  });

  it('answers no words for blank or punctuation-only text, and at most the limit for a long one', () => {
    expect(searchWords('  ，。!? ')).toEqual([]);
    expect(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_SEARCH_WORDS);
  });
});
