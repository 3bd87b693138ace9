import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_SUBCOMMANDS } from './audit-command.js';
import { parseArgs } from './commands.js';
import { commandForms, documentedCommands } from './testing/documented-commands.js';

const ROOT = resolve(__dirname, '..', '..', '..');
const commands = documentedCommands(ROOT);

describe('every presales command the README and docs/ write', () => {
  it('is found: the documentation has them', () => {
    expect(commands.length).toBeGreaterThan(30);
    expect(commands.map((command) => command.file)).toEqual(
      expect.arrayContaining(['README.md', 'docs/import-export.md', 'docs/audit.md']),
    );
  });

  it.each(commands.map((command) => [`${command.file}:${command.line} ${command.text}`, command] as const))(
    '%s is a command line the CLI takes',
    (_where, command) => {
      for (const argv of commandForms(command.text)) {
        const parsed = parseArgs(argv);
        expect(parsed, argv.join(' ')).not.toHaveProperty('error');
        if ('command' in parsed && parsed.command === 'audit')
          expect(Object.keys(AUDIT_SUBCOMMANDS)).toContain(parsed.positional[0]);
      }
    },
  );
});
