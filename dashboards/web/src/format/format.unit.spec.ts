import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { describeError } from './describe-error';
import { formatPeriodLabel, formatSignedPercent, formatValue } from './format';

describe('values in each language', () => {
  it('formats each unit as the CLI does, with the locale’s grouping, and null as no data (never 0)', () => {
    expect(formatValue(0.3456, 'ratio', 'en', 'no data')).toBe('34.6 %');
    expect(formatValue(1234567.8, 'money', 'en', 'no data')).toBe('1,234,568');
    expect(formatValue(1.25, 'count', 'zh-CN', '无数据')).toBe('1.25');
    expect(formatValue(null, 'ratio', 'zh-CN', '无数据')).toBe('无数据');
    expect(formatValue(0, 'ratio', 'en', 'no data')).toBe('0.0 %');
  });

  it('signs a variance with a true minus sign', () => {
    expect(formatSignedPercent(-0.143, 'en')).toBe('−14.3 %');
    expect(formatSignedPercent(0.2, 'en')).toBe('+20.0 %');
    expect(formatSignedPercent(null, 'en')).toBe('—');
  });

  it('names periods as each language does', () => {
    expect(formatPeriodLabel('2026-Q3', 'en')).toBe('Q3 2026');
    expect(formatPeriodLabel('2026-Q3', 'zh-CN')).toBe('2026年第3季度');
    expect(formatPeriodLabel('2026-07', 'zh-CN')).toBe('2026年7月');
  });
});

describe('errors in the reader’s language', () => {
  const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`;
  it('picks the sentence by the API’s code and keeps its message', () => {
    expect(describeError(new ApiError(400, 'sql_rejected', 'writes are not allowed'), t)).toBe(
      'errors.sql_rejected{"message":"writes are not allowed"}',
    );
    expect(describeError(new ApiError(404, undefined, 'Cannot POST /x'), t)).toBe(
      'errors.not_found{"message":"Cannot POST /x"}',
    );
    expect(describeError(new ApiError(502, undefined, 'HTTP 502'), t)).toBe(
      'errors.unknown{"status":502,"message":"HTTP 502"}',
    );
    expect(describeError(new TypeError('Failed to fetch'), t)).toBe('errors.network');
  });
});
