import type { Page } from 'playwright-core';

/** Sign in through the sign-in view (the page must be on it). */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('[data-action=sign-in]');
}

/** Every panel of the view has left its loading state (and there is at least one). */
export async function viewReady(page: Page): Promise<void> {
  await page.waitForSelector('.view h1');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-state=loading], .el-skeleton, .sparkline[data-loaded=false]').length === 0,
    undefined,
    { timeout: 60_000 },
  );
}

/** Choose a language in the header's picker, as a person does. */
export async function chooseLanguage(page: Page, label: 'English' | '简体中文'): Promise<void> {
  await page.click('.header-tools .language');
  await page.click(`.el-select-dropdown__item:visible:has-text("${label}")`);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, label === 'English' ? 'en' : 'zh-CN');
}

/** The text a reader sees: visible text nodes and placeholders, without SQL, event data, key names (`<kbd>`, the same on every keyboard) and hidden poppers. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || parent.closest('script, style, pre.sql, code, kbd, .event-data') !== null) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    for (const input of document.querySelectorAll('input[placeholder]'))
      if ((input as HTMLElement).checkVisibility()) parts.push(input.getAttribute('placeholder') ?? '');
    return parts.join(' ');
  });
}

/**
 * The English words left in a Chinese page, once names (teams, consultants, the user) and codes
 * (ids like opp-000106 or win_rate, acronyms, product-line codes, event names) are taken out.
 */
export function leftoverEnglish(text: string, names: readonly string[]): string[] {
  let rest = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  rest = rest
    .replace(/\b[a-z]+[-_][\w\-/@.]*/gi, ' ')
    .replace(/\b(KPI|SQL|PDCA|API|UTC|PoC|CNY|KpiTargetSet)\b/g, ' ')
    .replace(/\b[A-Z]{2,5}\b/g, ' ')
    .replace(/\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b/g, ' ')
    .replace(/\bv\d+\b/g, ' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}
