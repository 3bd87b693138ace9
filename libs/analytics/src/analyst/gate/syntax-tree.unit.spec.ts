import { describe, expect, it } from 'vitest';
import { refusalOf } from './check-syntax-tree.js';
import { readSyntaxTree, UnreadableSyntaxTreeError } from './syntax-tree.js';

const policy = { tables: new Set(['tenders']), database: 'presales' };
const tree = (text: string) => readSyntaxTree(text.trim().split('\n'));

describe('reading EXPLAIN AST back', () => {
  it('reads kinds, names, aliases and children', () => {
    const root = tree(`
SelectWithUnionQuery (children 1)
 ExpressionList (children 1)
  SelectQuery (children 2)
   ExpressionList (children 1)
    Function countIf (alias n) (children 1)
     ExpressionList
   TablesInSelectQuery (children 1)
    TablesInSelectQueryElement (children 1)
     TableExpression (children 1)
      TableIdentifier presales.tenders (alias t)`);
    const select = root.children[0]!.children[0]!;
    expect(select.children[0]!.children[0]).toMatchObject({ kind: 'Function', text: 'countIf', alias: 'n' });
    expect(select.children[1]!.children[0]!.children[0]!.children[0]).toMatchObject({
      kind: 'TableIdentifier',
      text: 'presales.tenders',
      alias: 't',
    });
    expect(refusalOf(root, policy, new Set())).toBeUndefined();
  });

  it('trusts no dump whose lines a name could have forged: children miscounted, a level skipped, two roots', () => {
    // `SELECT \`x\nFunction file (children 0)\`` would print a line of its own under the identifier.
    expect(() => tree('SelectWithUnionQuery (children 1)\n Identifier x\nFunction file')).toThrow(
      UnreadableSyntaxTreeError,
    );
    expect(() => tree('SelectWithUnionQuery (children 1)\n ExpressionList (children 1)\n   Literal 1')).toThrow(
      /skips a level/,
    );
    expect(() => tree('SelectWithUnionQuery (children 2)\n ExpressionList')).toThrow(/announces 2 children and has 1/);
    expect(() => tree('Identifier a b\n(children 3)')).toThrow(UnreadableSyntaxTreeError);
  });

  it('names what it refuses: output options, statements, table functions, tables, functions', () => {
    const select = (inner: string) =>
      tree(
        `SelectWithUnionQuery (children 1)\n ExpressionList (children 1)\n  SelectQuery (children 1)\n   ExpressionList (children 1)\n${inner}`,
      );
    expect(
      refusalOf(tree("SelectWithUnionQuery (children 2)\n ExpressionList\n Literal '/tmp/x'"), policy, new Set()),
    ).toMatchObject({ code: 'output_option', reason: expect.stringMatching(/INTO OUTFILE/) });
    expect(
      refusalOf(tree('SelectWithUnionQuery (children 2)\n ExpressionList\n Identifier TSV'), policy, new Set())?.reason,
    ).toMatch(/FORMAT/);
    expect(refusalOf(tree('KillQueryQuery'), policy, new Set())).toEqual({
      code: 'not_a_select',
      reason: 'only a SELECT is allowed; this is a KILL QUERY statement',
    });
    expect(
      refusalOf(
        select("    Function file (children 1)\n     ExpressionList (children 1)\n      Literal '/etc/passwd'"),
        policy,
        new Set(),
      ),
    ).toEqual({
      code: 'function',
      reason: 'the function file() is not allowed: it reads host files or opens connections',
      find: 'file',
    });
    expect(
      refusalOf(select('    Function sumIf (children 1)\n     ExpressionList'), policy, new Set()),
    ).toBeUndefined();
    expect(
      refusalOf(select('    Function dictGetOrNull (children 1)\n     ExpressionList'), policy, new Set())?.reason,
    ).toMatch(/reads dictionaries/);
    expect(
      refusalOf(select('    Function HOSTNAME (children 1)\n     ExpressionList'), policy, new Set())?.reason,
    ).toMatch(/describes the server/);
    expect(refusalOf(select('    Set'), policy, new Set())).toMatchObject({
      code: 'settings',
      reason: expect.stringMatching(/SETTINGS/),
    });
    expect(
      refusalOf(
        select(
          '    Function in (children 1)\n     ExpressionList (children 2)\n      Identifier x\n      Identifier system.processes',
        ),
        policy,
        new Set(),
      ),
    ).toMatchObject({ code: 'table', reason: expect.stringMatching(/system\.processes is not allowed/) });
    expect(
      refusalOf(
        select(
          '    Function in (children 1)\n     ExpressionList (children 2)\n      Identifier x\n      Identifier presales.tenders',
        ),
        policy,
        new Set(),
      ),
    ).toBeUndefined();
  });

  it('lets FROM name a WITH subquery, and no other table outside the policy', () => {
    const from = (name: string) =>
      tree(`SelectWithUnionQuery (children 1)
 ExpressionList (children 1)
  SelectQuery (children 2)
   ExpressionList (children 1)
    Asterisk
   TablesInSelectQuery (children 1)
    TablesInSelectQueryElement (children 1)
     TableExpression (children 1)
      TableIdentifier ${name}`);
    expect(refusalOf(from('recent'), policy, new Set(['recent']))).toBeUndefined();
    expect(refusalOf(from('recent'), policy, new Set())?.reason).toBe(
      'the table recent is not one of the analytics tables',
    );
    expect(refusalOf(from('other.tenders'), policy, new Set(['tenders']))?.reason).toMatch(
      /other\.tenders is not allowed/,
    );
  });
});
