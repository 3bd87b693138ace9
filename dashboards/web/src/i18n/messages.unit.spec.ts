import { describe, expect, it } from 'vitest';
import { en } from './en';
import { initialLocale, rememberLocale, userLocale } from './locale-memory';
import { zhCN } from './zh-CN';

function leaves(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Words that stay as they are in Chinese text: codes, acronyms and the language's own name. */
const CODES =
  /\b(KPI|SQL|PDCA|API|UTC|PoC|CNY|KpiTargetSet|Presales Ledger|English|ERP|ID|SELECT|CSV|JSON|Excel|Ctrl|Enter)\b/g;

describe('the messages', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have every key in both languages, none empty', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of chinese) expect(text.trim(), key).not.toBe('');
  });

  it('are Chinese in Chinese: no Latin word left but codes, acronyms and placeholders', () => {
    for (const [key, text] of chinese) {
      const rest = text.replace(/\{\w+\}/g, '').replace(CODES, '');
      expect(rest, key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of english) expect(placeholders(chinese.get(key)!), key).toEqual(placeholders(text));
  });

  it('never use the characters vue-i18n reads as syntax (| for plurals, @ for links)', () => {
    for (const [key, text] of [...english, ...chinese]) expect(text, key).not.toMatch(/[|@]/);
  });
});

describe('the remembered language', () => {
  const store = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    } as unknown as Storage;
  };
  it('follows the browser until chosen, then the device, then the user', () => {
    const s = store();
    expect(initialLocale(['zh-CN', 'en'], s)).toBe('zh-CN');
    expect(initialLocale(['en-GB', 'zh'], s)).toBe('en');
    rememberLocale('zh-CN', 'u-1', s);
    expect(initialLocale(['en'], s)).toBe('zh-CN');
    expect(userLocale('u-1', s)).toBe('zh-CN');
    expect(userLocale('u-2', s)).toBeNull();
  });
});
