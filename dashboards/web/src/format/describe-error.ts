import { ApiError } from '../api/http';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** An error in the reader's language: the API's code picks the sentence, its message says what exactly. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const known = ['validation', 'not_found', 'forbidden', 'illegal_state', 'concurrency', 'sql_rejected', 'internal'];
    if (error.code !== undefined && known.includes(error.code))
      return t(`errors.${error.code}`, { message: error.message });
    if (error.status === 404) return t('errors.not_found', { message: error.message });
    if (error.status === 403) return t('errors.forbidden', { message: error.message });
    return t('errors.unknown', { status: error.status, message: error.message });
  }
  if (error instanceof TypeError) return t('errors.network');
  return error instanceof Error ? error.message : String(error);
}
