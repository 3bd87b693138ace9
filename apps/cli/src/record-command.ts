import type { CommandAcceptedResponse } from '@presales/contracts';
import { callPlatform, platformUrl } from './platform-client.js';
import { CliError } from './cli-error.js';

interface OpenApiOperation {
  readonly operationId?: string;
}
type OpenApiDocument = { readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>> };

/**
 * `presales record <Command> --json '{…}'`: any command of the domain, by name. The route comes
 * from the platform's published contract (/api/openapi.json, operationId = command name), the
 * path's ids from the JSON; the rest is the body, validated by the platform.
 */
export async function runRecord(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  const [command] = positional;
  const base = platformUrl(options);
  if (command === undefined || options['json'] === undefined) {
    console.error(
      'presales record: give the command and its data: presales record SubmitBid --json \'{"tenderId":"T-1",…}\'',
    );
    return 2;
  }
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(options['json']);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    data = parsed as Record<string, unknown>;
  } catch (error) {
    console.error(`presales record: --json must be a JSON object (${(error as Error).message})`);
    return 2;
  }
  try {
    const contract = await callPlatform<OpenApiDocument>(base, '/api/openapi.json');
    const found = Object.entries(contract.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.operationId === command)
        .map(([method]) => ({ path, method })),
    )[0];
    if (found === undefined || found.method !== 'post') {
      console.error(`presales record: the platform has no command ${command}; see ${base.replace(/\/$/, '')}/api/docs`);
      return 2;
    }
    const missing: string[] = [];
    const path = found.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
      const value = data[name];
      if (typeof value !== 'string') missing.push(name);
      return encodeURIComponent(String(value));
    });
    if (missing.length > 0) {
      console.error(
        `presales record: ${command} needs ${missing.join(', ')} in --json (it goes in the path ${found.path})`,
      );
      return 2;
    }
    const headers: Record<string, string> = {};
    if (options['if-match'] !== undefined) headers['if-match'] = options['if-match'];
    if (options['idempotency-key'] !== undefined) headers['idempotency-key'] = options['idempotency-key'];
    const accepted = await callPlatform<CommandAcceptedResponse>(base, path, { method: 'POST', body: data, headers });
    console.log(
      `recorded ${accepted.command} in ${accepted.streamId} at revision ${accepted.revision} (position ${accepted.position}${accepted.projected ? '' : ', not yet in the analytics tables'})`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`presales record: ${error.message}`);
    return 1;
  }
}
