import type { workbenchEn } from './workbench.en';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape both languages' workbench messages have (the compiler checks zh-CN against it). */
export type WorkbenchMessages = Widen<typeof workbenchEn>;
