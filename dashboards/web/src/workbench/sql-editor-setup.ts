import type { SqlSchemaResponse } from '@presales/contracts';
import { sql, StandardSQL, type SQLNamespace } from '@codemirror/lang-sql';
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';

/** Table and column names for completion, each column with its meaning in the reader's language. */
export function completionSchema(schema: SqlSchemaResponse | null, locale: 'en' | 'zh-CN'): SQLNamespace {
  const namespace: Record<string, SQLNamespace> = {};
  for (const table of schema?.tables ?? []) {
    namespace[table.name] = {
      self: { label: table.name, type: 'type', detail: table.meaning[locale] },
      children: table.columns.map((column) => ({
        label: column.name,
        type: 'property',
        detail: `${column.type} · ${column.meaning[locale]}`,
      })),
    };
  }
  return namespace;
}

/**
 * The editor: SQL highlighting, completion of the analytics tables and columns, and Ctrl+Enter
 * (⌘+Enter on a Mac) to run, above the default keys so it wins over "insert a line".
 */
export function editorExtensions(options: {
  schema: SQLNamespace;
  onRun: () => void;
  onChange: (text: string) => void;
  label: string;
}): Extension[] {
  return [
    basicSetup,
    sql({ dialect: StandardSQL, schema: options.schema, upperCaseKeywords: true }),
    Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
    EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-control': 'sql-editor' }),
    EditorView.lineWrapping,
  ];
}
