/**
 * Numbers and dates as each language writes them. Same figures as libs/kpi's formatKpiValue
 * (the CLI's), but with the locale's digits grouping and the reader's words for "no data".
 */
export type AppLocale = 'en' | 'zh-CN';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: AppLocale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, format);
  }
  return format;
}

/**
 * Making a date format costs about a millisecond (the locale's data is looked up each time) and the
 * period picker alone formats 24 months: one format per locale and style, made once.
 */
const DATE_STYLES = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' },
  date: { dateStyle: 'medium', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'short', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: AppLocale, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, DATE_STYLES[style]);
    dateFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: AppLocale, digits = 0): string {
  return numberFormat(locale, digits).format(value);
}

/** A KPI value in its unit; null is the caller's "no data" (never 0, KPIS.md). */
export function formatValue(value: number | null, unit: string, locale: AppLocale, noData: string): string {
  if (value === null) return noData;
  switch (unit) {
    case 'ratio':
      return `${formatNumber(value * 100, locale, 1)} %`;
    case 'percent':
      return `${formatNumber(value, locale, 1)} %`;
    case 'money':
      return formatNumber(value, locale, 0);
    case 'count':
      return formatNumber(value, locale, 2);
    default:
      return formatNumber(value, locale, 1);
  }
}

/** A signed share: +3.4 % / −12.0 %. */
export function formatSignedPercent(value: number | null, locale: AppLocale): string {
  if (value === null) return '—';
  const text = formatNumber(Math.abs(value) * 100, locale, 1);
  return `${value >= 0 ? '+' : '−'}${text} %`;
}

export function formatPercent(value: number | null, locale: AppLocale, digits = 1): string {
  return value === null ? '—' : `${formatNumber(value * 100, locale, digits)} %`;
}

/** A moment as the reader's date and time, in UTC (the record's clock). */
export function formatDateTime(iso: string, locale: AppLocale): string {
  return `${dateFormat(locale, 'dateTime').format(new Date(iso))} UTC`;
}

export function formatDate(iso: string | number, locale: AppLocale): string {
  return dateFormat(locale, 'date').format(new Date(iso));
}

/** `2026-Q3` → "Q3 2026" / "2026年第3季度"; `2026-07` → "Jul 2026" / "2026年7月". */
export function formatPeriodLabel(period: string, locale: AppLocale): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return locale === 'zh-CN' ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return dateFormat(locale, 'month').format(new Date(`${period}-01T00:00:00Z`));
  return period;
}
