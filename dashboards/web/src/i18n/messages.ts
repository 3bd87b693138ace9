import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * Both languages as vue-i18n takes them. The production build replaces this module with the same
 * messages precompiled (build/precompiled-messages.mts, decision 0047): keep it a plain export of
 * message objects.
 */
export const MESSAGES = { en, 'zh-CN': zhCN };
