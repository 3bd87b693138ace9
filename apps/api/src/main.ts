import { ConfigError, describeStores, parseConfig } from '@presales/platform-config';
import { startPlatform, type RunningPlatform } from './bootstrap.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  let platform: RunningPlatform | undefined = undefined;
  // Installed before start-up, so a stop that arrives while the demo loads or the stores open is
  // still an orderly exit; once serving, the projector finishes its batch and the stores close.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`presales: ${signal} received, stopping`);
      (platform?.close() ?? Promise.resolve()).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`presales: unclean stop: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    });
  }
  platform = await startPlatform(config);
  console.log(`Presales Ledger is running at ${platform.url} (${describeStores(config)})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`presales: configuration error: ${error.message}`);
  else console.error(`presales: start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
