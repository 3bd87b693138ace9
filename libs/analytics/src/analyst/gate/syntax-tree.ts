/**
 * One node of the engine's own syntax tree, as `EXPLAIN AST` prints it: a line per node,
 * indented one space per level, `Kind[ name][ (alias a)][ (children n)]`.
 */
export interface SyntaxNode {
  readonly kind: string;
  /** What follows the kind: a function's or identifier's name, a literal's value. */
  readonly text: string;
  readonly alias?: string;
  readonly children: readonly SyntaxNode[];
}

export class UnreadableSyntaxTreeError extends Error {}

const LINE = /^( *)([A-Za-z]+)(?: (.*?))??(?: \(alias (.*?)\))?(?: \(children (\d+)\))?$/;

/**
 * Reads the dump back into a tree. Names are printed raw, so a quoted name holding a line break
 * could print lines of its own: every node must have exactly the children its line announces
 * and the indentation must step one level at a time, or the dump is not trusted at all.
 */
export function readSyntaxTree(lines: readonly string[]): SyntaxNode {
  const parsed = lines.map((line, i) => {
    const match = LINE.exec(line);
    if (match === null)
      throw new UnreadableSyntaxTreeError(
        `line ${i + 1} of the syntax tree is not a node: ${JSON.stringify(line.slice(0, 80))}`,
      );
    const [, indent, kind, text, alias, children] = match;
    return {
      depth: indent!.length,
      kind: kind!,
      text: text ?? '',
      alias,
      announced: children === undefined ? 0 : Number(children),
    };
  });
  if (parsed.length === 0 || parsed[0]!.depth !== 0) throw new UnreadableSyntaxTreeError('the syntax tree is empty');
  let next = 0;
  const build = (depth: number): SyntaxNode => {
    const line = parsed[next]!;
    next += 1;
    const children: SyntaxNode[] = [];
    while (next < parsed.length && parsed[next]!.depth > depth) {
      if (parsed[next]!.depth !== depth + 1)
        throw new UnreadableSyntaxTreeError(`line ${next + 1} of the syntax tree skips a level`);
      children.push(build(depth + 1));
    }
    if (children.length !== line.announced)
      throw new UnreadableSyntaxTreeError(
        `a ${line.kind} node announces ${line.announced} children and has ${children.length}`,
      );
    return { kind: line.kind, text: line.text, ...(line.alias === undefined ? {} : { alias: line.alias }), children };
  };
  const root = build(0);
  if (next !== parsed.length) throw new UnreadableSyntaxTreeError('the syntax tree has more than one root');
  return root;
}
