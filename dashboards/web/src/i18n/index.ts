import { createI18n } from 'vue-i18n';
import type { AppLocale } from '../format/format';
import type { Messages } from './en';
import { MESSAGES } from './messages';
import { initialLocale } from './locale-memory';

export const LOCALES: readonly AppLocale[] = ['en', 'zh-CN'];

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: initialLocale(typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLocale: 'en',
  messages: MESSAGES,
  // A missing key is a bug the unit test of the messages catches, not something to warn about at run time.
  missingWarn: false,
  fallbackWarn: false,
});
