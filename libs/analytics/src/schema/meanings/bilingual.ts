/** A text in the two languages the product speaks (the dashboard's en and zh-CN). */
export interface Bilingual {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** Shorthand for the meaning tables: English first, then Chinese. */
export const say = (en: string, zh: string): Bilingual => ({ en, 'zh-CN': zh });
