import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';

const OPTION_TO_ENV: Readonly<Record<string, string>> = { port: 'PORT', 'data-dir': 'DATA_DIR', host: 'HOST' };

/** The deployables the CLI starts: `presales start` the platform, `presales projector` the projector alone. */
const APPS = { start: 'api', projector: 'projector' } as const;

/**
 * Runs the platform (apps/api) or the projector (apps/projector) as a child process with the
 * options mapped onto its environment, forwarding signals, and exits with its exit code.
 */
export function start(options: Readonly<Record<string, string>>, command: keyof typeof APPS = 'start'): void {
  const env = { ...process.env };
  for (const [option, value] of Object.entries(options)) {
    const variable = OPTION_TO_ENV[option];
    if (variable === undefined) {
      console.error(
        `presales ${command}: unknown option --${option}; known: ${Object.keys(OPTION_TO_ENV)
          .map((o) => `--${o}`)
          .join(', ')}`,
      );
      process.exit(2);
    }
    env[variable] = value;
  }
  // apps/cli/dist → apps/<app>/dist: the repository layout is the deployable layout.
  const main = join(__dirname, '..', '..', APPS[command], 'dist', 'main.js');
  const child = spawn(process.execPath, [main], { env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  // Shell convention: killed by signal N exits 128 + N.
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal === null ? 0 : constants.signals[signal])));
}
