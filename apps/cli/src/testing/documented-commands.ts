import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `npx presales …` line of the documentation, where it is written. */
export interface DocumentedCommand {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/**
 * Every `npx presales …` command in README.md and docs/*.md: the lines of shell blocks and the
 * inline code spans that start with it. Comments (`  # …`) and output redirection are dropped.
 */
export function documentedCommands(root: string): DocumentedCommand[] {
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  return files.flatMap((file) => {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    let fenced = false;
    return lines.flatMap((text, index) => {
      if (text.startsWith('```')) {
        fenced = !fenced;
        return [];
      }
      const commands = fenced
        ? text.trim().startsWith('npx presales ')
          ? [text.trim()]
          : []
        : [...text.matchAll(/`(npx presales [^`]+)`/g)].map((match) => match[1]!);
      return commands.map((command) => ({ file, line: index + 1, text: withoutComment(command) }));
    });
  });
}

function withoutComment(command: string): string {
  return command
    .replace(/\s{2,}#.*$/, '')
    .replace(/\s>\s*\S+$/, '')
    .trim();
}

/** Shell words: double-quoted strings kept whole, without their quotes. */
export function shellWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

/**
 * The forms a synopsis stands for: `[--opt X]` left out and put in, `a|b|c` as its first choice
 * (an `--option a|b` is a synopsis; a `|` inside quotes is text). `npx presales` itself is dropped.
 */
export function commandForms(text: string): string[][] {
  const bare = text.replace(/^npx presales\s+/, '');
  const without = bare.replace(/\s*\[[^\]]*\]/g, '');
  const within = bare.replace(/\[([^\]]*)\]/g, '$1');
  const firstChoice = (words: string[]) =>
    words.map((word, i) => (text.includes(`"${word}"`) || !word.includes('|') || i === 0 ? word : word.split('|')[0]!));
  return [...new Set([without, within])].map((form) => firstChoice(shellWords(form)));
}
