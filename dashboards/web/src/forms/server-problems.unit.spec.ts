import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { serverFieldProblems, type FieldRefusal } from './server-problems';

/** The app's own messages in one language, as the form reads them. */
function translator(locale: 'en' | 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } });
  return (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {});
}

const refusal = (over: Partial<FieldRefusal>): FieldRefusal => ({
  code: 'validation',
  message: 'refused',
  issues: [],
  fields: [],
  ...over,
});

describe('the API’s refusals on the form’s fields', () => {
  it('puts each of a 400’s issues on the field it names, two on one field together, list items by index', () => {
    const problems = serverFieldProblems(
      refusal({
        issues: [
          { path: 'lines.0.quantity', rule: 'must be greater than 0' },
          { path: 'lines.0.quantity', rule: 'must be at most 40 characters' },
          { path: 'reason', rule: 'is required' },
        ],
      }),
      translator('en'),
    );
    expect(problems).toEqual({
      'lines.0.quantity': 'Not accepted: must be greater than 0; Not accepted: must be at most 40 characters',
      reason: 'Required',
    });
  });

  it('puts a 422’s rule on every field it is about, and nowhere when it names none', () => {
    const deadline = refusal({
      code: 'illegal_state',
      message: 'tender T-9: its deadline 2026-03-01T09:00:00Z is not after its receipt 2026-03-10T00:00:00Z',
      fields: ['deadline'],
    });
    expect(serverFieldProblems(deadline, translator('en'))).toEqual({
      deadline:
        'Refused by a rule of the record: tender T-9: its deadline 2026-03-01T09:00:00Z is not after its receipt 2026-03-10T00:00:00Z',
    });
    expect(serverFieldProblems({ ...deadline, fields: [] }, translator('en'))).toEqual({});
    // Fields only count with a rule's refusal: another code's fields are not a rule about them.
    expect(serverFieldProblems({ ...deadline, code: 'concurrency' }, translator('en'))).toEqual({});
  });

  it('says it in Chinese around the server’s own words', () => {
    const t = translator('zh-CN');
    expect(
      serverFieldProblems(
        refusal({
          issues: [
            { path: 'entryId', rule: 'must match `[A-Za-z0-9_-]{1,64}`' },
            { path: 'date', rule: 'is required' },
          ],
        }),
        t,
      ),
    ).toEqual({ entryId: '未被接受：must match `[A-Za-z0-9_-]{1,64}`', date: '必填' });
    expect(
      serverFieldProblems(refusal({ code: 'illegal_state', message: 'tender T-9: …', fields: ['deadline'] }), t),
    ).toEqual({ deadline: '被记录的业务规则拒绝：tender T-9: …' });
  });
});
