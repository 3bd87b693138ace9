/** Given event ids: a UUID, or any id a system of record might use, without spaces or control characters. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
