import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages';
import { compileMessages, type MessageTree } from './precompiled-messages.mts';

/** Every key of a message tree, dotted. */
function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

/** A value for every placeholder the messages name. */
const PARAMS = Object.fromEntries(
  [...JSON.stringify(MESSAGES).matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `<${name}>`]),
);

describe('the precompiled messages (build/precompiled-messages.mts)', () => {
  const plain = createI18n({ legacy: false, locale: 'en', messages: MESSAGES, missingWarn: false });
  const precompiled = createI18n({
    legacy: false,
    locale: 'en',
    messages: compileMessages(MESSAGES) as typeof MESSAGES,
    missingWarn: false,
  });

  it.each(['en', 'zh-CN'] as const)('read in %s exactly as the messages vue-i18n compiles at run time', (locale) => {
    plain.global.locale.value = locale;
    precompiled.global.locale.value = locale;
    const keys = keysOf(MESSAGES[locale] as MessageTree);
    expect(keys.length).toBeGreaterThan(500);
    for (const key of keys) {
      for (const count of [0, 1, 2]) {
        const expected = plain.global.t(key, PARAMS, count);
        expect(precompiled.global.t(key, PARAMS, count), key).toBe(expected);
      }
      // Not the key itself: the message was found and formatted.
      expect(precompiled.global.t(key, PARAMS), key).not.toBe(key);
    }
  });

  it('refuses a message vue-i18n cannot parse, naming its key', () => {
    expect(() => compileMessages({ overview: { title: 'Composite {score' } })).toThrow(/overview\.title/);
  });
});
