/**
 * The copy of a fact table a request reads instead of the table: a temporary table of its
 * scratch session, made once as of the request's asOf (decisions 0040 and 0045).
 */
export const scratchTableOf = (table: string): string => `scratch_${table}`;
