import type { PickerKind } from '@presales/contracts';

/** The decimal rules of the domain's shared types (libs/domain primitives), by their schema title. */
export type DecimalRule = 'any' | 'non-negative' | 'positive' | 'percent';

/**
 * One input of a command's form. Each kind is what the person enters and how it becomes the
 * payload: decimals stay text end to end, quantities (hours, days) become JSON numbers of at most
 * two decimals, references are ids picked from a searchable list.
 */
export type FieldKind =
  | { readonly type: 'text'; readonly multiline: boolean; readonly maxLength: number | undefined }
  | { readonly type: 'new-id' }
  | { readonly type: 'id' }
  | { readonly type: 'reference'; readonly picker: PickerKind; readonly many: boolean }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly many: boolean }
  | { readonly type: 'boolean' }
  | { readonly type: 'integer'; readonly min: number | undefined; readonly max: number | undefined }
  | {
      readonly type: 'quantity';
      readonly min: number;
      readonly exclusiveMin: boolean;
      readonly max: number | undefined;
    }
  | { readonly type: 'decimal'; readonly rule: DecimalRule }
  | { readonly type: 'currency' }
  | { readonly type: 'datetime' }
  | { readonly type: 'date' }
  | { readonly type: 'period' }
  | { readonly type: 'text-list' }
  | { readonly type: 'group'; readonly fields: readonly Field[] }
  | { readonly type: 'rows'; readonly fields: readonly Field[]; readonly min: number }
  | { readonly type: 'json' };

export interface Field {
  /** The payload's property name. */
  readonly name: string;
  /** Dotted path from the payload's root, as the API names a field in its validation issues. */
  readonly path: string;
  readonly required: boolean;
  readonly kind: FieldKind;
  /** The schema's own words on the rule (shown as the field's hint). */
  readonly hint: string | undefined;
  /** Filled with the signed-in person when the form opens. */
  readonly defaultsToMe: boolean;
}

/** A command as the forms know it: its route and its fields, from the OpenAPI document. */
export interface CommandSpec {
  readonly command: string;
  /** `/api/tenders/{tenderId}/submissions` */
  readonly path: string;
  readonly summary: string;
  readonly roles: readonly string[];
  /** The path's parameter: the record the command is addressed to; undefined for a creating command. */
  readonly recordField: string | undefined;
  readonly fields: readonly Field[];
}
