import type { ApiTokenInfo, CreatedTokenResponse } from '@presales/contracts';
import { formatTable } from './format-rows.js';
import { callPlatform, platformUrl } from './platform-client.js';
import { CliError } from './cli-error.js';

/** `presales token create|list|revoke`: API tokens at a running platform, as whoever is signed in here. */
export async function runToken(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  const base = platformUrl(options);
  const [action, id] = positional;
  try {
    switch (action) {
      case 'create': {
        if (options['name'] === undefined) return usage('token create needs --name NAME (what the token is for)');
        const made = await callPlatform<CreatedTokenResponse>(base, '/api/tokens', {
          method: 'POST',
          body: {
            name: options['name'],
            ...(options['role'] === undefined ? {} : { role: options['role'] }),
            ...(options['expires-in'] === undefined ? {} : { expiresIn: options['expires-in'] }),
          },
        });
        // The secret alone on standard output, so `TOKEN=$(presales token create …)` works; the rest to stderr.
        console.error(
          `token ${made.tokenInfo.id} "${made.tokenInfo.name}" (${made.tokenInfo.role}, acts as ${made.tokenInfo.actsAs}) expires ${made.tokenInfo.expiresAt}; shown once:`,
        );
        console.log(made.token);
        return 0;
      }
      case 'list': {
        const { tokens } = await callPlatform<{ tokens: ApiTokenInfo[] }>(base, '/api/tokens');
        const columns = ['id', 'name', 'role', 'actsAs', 'state', 'expiresAt', 'lastUsedAt'].map((name) => ({
          name,
          type: 'String',
        }));
        console.log(
          formatTable(
            columns,
            tokens.map((t) => ({ ...t, lastUsedAt: t.lastUsedAt ?? 'never' })),
          ),
        );
        return 0;
      }
      case 'revoke': {
        if (id === undefined) return usage('token revoke needs the token id (presales token list shows it)');
        const revoked = await callPlatform<ApiTokenInfo>(base, `/api/tokens/${encodeURIComponent(id)}`, {
          method: 'DELETE',
        });
        console.log(`token ${revoked.id} "${revoked.name}" revoked at ${revoked.revokedAt}`);
        return 0;
      }
      default:
        return usage(
          `token: give create, list or revoke${action === undefined ? '' : ` (not ${JSON.stringify(action)})`}`,
        );
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`presales token: ${error.message}`);
    return 1;
  }
}

function usage(message: string): number {
  console.error(`presales ${message}`);
  return 2;
}
