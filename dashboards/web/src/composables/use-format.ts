import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { AppLocale } from '../format/format';
import {
  formatDate,
  formatDateTime,
  formatPercent,
  formatPeriodLabel,
  formatSignedPercent,
  formatValue,
} from '../format/format';
import type { Messages } from '../i18n/en';

/** Formatting in the current language: KPI values, percentages, dates, and the domain's words. */
export function useFormat() {
  const { t, locale } = useI18n<{ message: Messages }, AppLocale>();
  const current = computed(() => locale.value as AppLocale);
  const known = (group: string, key: string) => {
    const path = `${group}.${key}`;
    const text = t(path);
    return text === path ? key : text;
  };
  return {
    t,
    locale: current,
    value: (value: number | null, unit: string) => formatValue(value, unit, current.value, t('common.noData')),
    percent: (value: number | null, digits = 1) => formatPercent(value, current.value, digits),
    signed: (value: number | null) => formatSignedPercent(value, current.value),
    dateTime: (iso: string) => formatDateTime(iso, current.value),
    date: (iso: string | number) => formatDate(iso, current.value),
    period: (period: string) => formatPeriodLabel(period, current.value),
    status: (status: string) => known('status', status),
    trend: (trend: string) => known('trend', trend),
    area: (area: string) => known('areas', area),
    kpiName: (names: { readonly en: string; readonly zh: string }) => (current.value === 'zh-CN' ? names.zh : names.en),
    known,
  };
}
