import type { Page } from 'playwright-core';

/**
 * What a person does in the workspace, counted: clicks, and keystrokes outside free text (ids
 * searched, numbers, choices, dates, Enter). Free text (a requirement's title) is typed but not
 * counted: no form can spare it. The figures of docs/benchmarks.md's workspace section.
 */
export class Recorder {
  clicks = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  async click(selector: string): Promise<void> {
    await this.page.click(selector);
    this.clicks += 1;
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.keys += 1;
  }
  /** Keystrokes that are not free text: counted one per character. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.keys += text.length;
  }
  async fill(selector: string, text: string): Promise<void> {
    await this.page.fill(selector, text);
    this.clicks += 1;
    this.keys += text.length;
  }
  /** Free text: a click into the field, the words themselves not counted. */
  async freeText(selector: string, text: string): Promise<void> {
    await this.page.fill(selector, text);
    this.clicks += 1;
  }
  /** An Element Plus select: click it, type a few letters, click the option (found by its value). */
  async choose(field: string, typed: string, value: string): Promise<void> {
    await this.click(`[data-field="${field}"] .el-select__wrapper`);
    await this.type(typed);
    await this.page.waitForSelector(`.el-select-dropdown__item:visible[data-value="${value}"]`);
    await this.click(`.el-select-dropdown__item:visible[data-value="${value}"]`);
  }
  /** A record picker: click it, type a few letters of the id, click the record (found by its id). */
  async pick(field: string, typed: string, id: string): Promise<void> {
    await this.click(`[data-field="${field}"] .el-select__wrapper`);
    await this.type(typed);
    await this.page.waitForSelector(`.el-select-dropdown__item:visible[data-option="${id}"]`);
    await this.click(`.el-select-dropdown__item:visible[data-option="${id}"]`);
  }
  /** Ctrl+K, a few letters of what happened, Enter: the palette starts its form. */
  async palette(typed: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    this.keys += 1;
    await this.page.waitForSelector('input[data-palette-input]');
    await this.type(typed);
    await this.press('Enter');
  }
  get interactions(): number {
    return this.clicks + this.keys;
  }
}

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, as a datetime-local input takes it. */
export function localInput(ms: number): string {
  const local = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
