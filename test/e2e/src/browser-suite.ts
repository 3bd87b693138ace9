import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { startPlatform, tempDataDir, type PlatformProcess } from './platform-process.js';

/** Where the browser suites write their screenshots and figures (test/artifacts). */
export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');

export interface BrowserSuiteSetup {
  /** Writes into the data directory before the platform starts on it (an event file, a loaded demo). */
  readonly seed?: (dataDir: string) => Promise<void>;
  /** The platform's environment (DEMO_DATA, passwords). */
  readonly env?: Readonly<Record<string, string>>;
  /** Once the platform is up, before Chromium launches: accounts, records, the projection caught up. */
  readonly prepare?: (platform: PlatformProcess) => Promise<void>;
  /** How long all of it may take. */
  readonly timeoutMs: number;
}

/** The platform and the browser of a suite, there from its beforeAll on. */
export interface BrowserSuite {
  readonly platform: PlatformProcess;
  readonly browser: Browser;
  readonly dataDir: string;
}

/**
 * What every browser suite does around its tests, registered as its first beforeAll and an
 * afterAll (call it inside the describe): a fresh data directory, the platform started on it,
 * Debian's Chromium, the artifacts folder; afterwards the browser closed, the platform stopped,
 * the directory removed, whatever failed on the way.
 */
export function browserSuite(setup: BrowserSuiteSetup): BrowserSuite {
  const data = tempDataDir();
  let platform: PlatformProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await setup.seed?.(data.dir);
    platform = await startPlatform(data.dir, { ...setup.env });
    await setup.prepare?.(platform);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, setup.timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    data.remove();
  });
  return {
    dataDir: data.dir,
    get platform() {
      if (platform === undefined) throw new Error('the platform starts in the suite’s beforeAll');
      return platform;
    },
    get browser() {
      if (browser === undefined) throw new Error('Chromium launches in the suite’s beforeAll');
      return browser;
    },
  };
}

/**
 * Records what goes wrong in a page into `problems`: uncaught errors, and console errors but for
 * the session probe (`/api/auth/me`, answered 401 before sign-in) and those `expected` allows.
 */
export function watchPage(
  page: Page,
  problems: string[],
  expected: (message: ConsoleMessage) => boolean = () => false,
): void {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || message.location().url.endsWith('/api/auth/me') || expected(message)) return;
    problems.push(`console: ${message.text()} at ${message.location().url}`);
  });
}
