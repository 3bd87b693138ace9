import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { skipUnlessAvailable } from '@presales/event-store/testing';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Why the browser suite `suite` skips here (printed), or undefined; fails instead where REQUIRE_ENGINES names chromium. */
export function chromiumSkipReason(suite: string): string | undefined {
  return skipUnlessAvailable(
    suite,
    'chromium',
    existsSync(CHROMIUM_PATH) ? undefined : `${CHROMIUM_PATH} not found (apt-get install chromium; .ci/run does this)`,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
