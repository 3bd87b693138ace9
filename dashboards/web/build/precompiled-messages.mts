import { baseCompile } from '@intlify/message-compiler';
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

/** The module whose messages the build precompiles: both languages, as the app hands them to vue-i18n. */
const MESSAGES_MODULE = resolve(import.meta.dirname, '..', 'src', 'i18n', 'messages.ts');

export type MessageTree = { readonly [key: string]: string | MessageTree };

/**
 * vue-i18n's messages compiled at build time (decision 0047, "the first view's scripts"): the
 * build replaces `src/i18n/messages.ts` with every message already parsed into the abstract
 * syntax tree vue-i18n's runtime formats, and drops the message compiler from the bundle
 * (`__INTLIFY_DROP_MESSAGE_COMPILER__`), so the browser neither downloads nor runs it. The same
 * compiler vue-i18n would run in the page runs here; a message it cannot parse fails the build
 * instead of showing its key. Dev server and unit tests keep the plain messages and the full build.
 */
export function precompiledMessages(): Plugin {
  return {
    name: 'presales-precompiled-messages',
    apply: 'build',
    config: () => ({ define: { __INTLIFY_DROP_MESSAGE_COMPILER__: true } }),
    async load(id) {
      if (id !== MESSAGES_MODULE) return null;
      const { module, dependencies } = await runnerImport<{ MESSAGES: MessageTree }>(MESSAGES_MODULE, {
        configFile: false,
        logLevel: 'silent',
      });
      for (const dependency of dependencies) this.addWatchFile(dependency);
      // JSON.parse of one string literal is faster for the browser to take in than the same object literal.
      const json = JSON.stringify(compileMessages(module.MESSAGES));
      return `export const MESSAGES = JSON.parse(${JSON.stringify(json)});\n`;
    },
  };
}

/** Every message of `tree` as the syntax tree vue-i18n formats; a message that does not parse throws, naming its key. */
export function compileMessages(tree: MessageTree): Record<string, unknown> {
  return compileTree(tree, []);
}

function compileTree(tree: MessageTree, path: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string' ? compileMessage(value, [...path, key]) : compileTree(value, [...path, key]),
    ]),
  );
}

function compileMessage(message: string, path: readonly string[]): unknown {
  const { ast } = baseCompile(message, {
    jit: true,
    location: false,
    minify: true,
    onError: (error) => {
      throw new Error(`message ${path.join('.')} does not compile: ${error.message} in ${JSON.stringify(message)}`);
    },
  });
  return withoutStaticItems(ast);
}

/**
 * A message without placeholders is formatted from its `s` (static) text alone: vue-i18n reads
 * its items only when there is none, so they need not travel (the bundle stays as small as with
 * the plain strings).
 */
function withoutStaticItems(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutStaticItems);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node);
  const isStatic = entries.some(([key]) => key === 's');
  return Object.fromEntries(
    entries.filter(([key]) => !(isStatic && key === 'i')).map(([key, value]) => [key, withoutStaticItems(value)]),
  );
}
