import { TENDER_KIND_OPTIONS, type RecordTenderRequest, type TenderKindOption } from '@presales/contracts';
import { BarChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { api } from './api-client';
import { tendersReceivedOption } from './charts/tenders-received.option';
import { maturityOption } from './scorecard/maturity.option';
import { renderScorecard } from './scorecard/render-scorecard';
import { previousQuarter } from './scorecard/scorecard-rows';
import './styles.css';

use([BarChart, DatasetComponent, GridComponent, TooltipComponent, SVGRenderer]);

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chart = init(element('tenders-chart'), undefined, { renderer: 'svg' });
window.addEventListener('resize', () => chart.resize());

async function refreshTenders(): Promise<void> {
  const result = await api.tendersReceived();
  chart.setOption(tendersReceivedOption(result.points), { notMerge: true });
  const summary = element('tenders-summary');
  summary.dataset['total'] = String(result.total);
  summary.textContent =
    result.total === 0 ? 'No tenders recorded yet: record one to see it here.' : `${plural(result.total, 'tender')} received in ${plural(result.points.length, 'month')}`;
  element('tenders-sql').textContent = result.trace.sql;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function refreshHealth(): Promise<void> {
  const badge = element('health');
  try {
    const health = await api.health();
    badge.dataset['status'] = health.status;
    badge.textContent = `${health.status} · events ${health.eventStore.engine} · analytics ${health.analyticsStore.engine} · lag ${health.projector.lagEvents}`;
  } catch (error) {
    badge.dataset['status'] = 'degraded';
    badge.textContent = `API unreachable: ${(error as Error).message}`;
  }
}

/** `datetime-local` values are local time; the API wants ISO-8601 UTC. */
function toUtc(value: FormDataEntryValue | null): string | undefined {
  return typeof value === 'string' && value !== '' ? new Date(value).toISOString() : undefined;
}

function setupForm(): void {
  const form = element<HTMLFormElement>('record-tender');
  const kind = form.elements.namedItem('kind') as HTMLSelectElement;
  for (const option of TENDER_KIND_OPTIONS) kind.add(new Option(option.toUpperCase(), option, option === 'rfp', option === 'rfp'));
  const result = element('record-result');
  form.addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const fields = new FormData(form);
    const receivedAt = toUtc(fields.get('receivedAt'));
    const tender: RecordTenderRequest = {
      tenderId: String(fields.get('tenderId') ?? '').trim(),
      opportunityId: String(fields.get('opportunityId') ?? '').trim(),
      kind: String(fields.get('kind')) as TenderKindOption,
      issuer: String(fields.get('issuer') ?? '').trim(),
      deadline: toUtc(fields.get('deadline')) ?? '',
      ...(receivedAt === undefined ? {} : { receivedAt }),
    };
    try {
      const recorded = await api.recordTender(tender);
      result.dataset['kind'] = 'ok';
      result.textContent = `Recorded ${recorded.streamId} at position ${recorded.position}.`;
      form.reset();
      await refreshTenders();
    } catch (error) {
      result.dataset['kind'] = 'error';
      result.textContent = (error as Error).message;
    }
  });
}

const maturityChart = init(element('maturity-chart'), undefined, { renderer: 'svg' });
window.addEventListener('resize', () => maturityChart.resize());

async function refreshScorecard(): Promise<void> {
  const form = element<HTMLFormElement>('scorecard-form');
  const period = (form.elements.namedItem('period') as HTMLInputElement).value.trim();
  const scope = (form.elements.namedItem('scope') as HTMLInputElement).value.trim() || 'org';
  const summary = element('scorecard-summary');
  try {
    renderScorecard(await api.scorecard(period, scope), element<HTMLTableElement>('scorecard'), summary);
  } catch (error) {
    summary.textContent = (error as Error).message;
  }
}

function setupScorecard(): void {
  const form = element<HTMLFormElement>('scorecard-form');
  (form.elements.namedItem('period') as HTMLInputElement).value = previousQuarter(new Date());
  form.addEventListener('submit', (submit) => {
    submit.preventDefault();
    void refreshScorecard();
  });
}

setupForm();
setupScorecard();
void refreshScorecard();
void api
  .maturity()
  .then((result) => maturityChart.setOption(maturityOption(result), { notMerge: true }))
  .catch((error: Error) => (element('maturity-summary').textContent = `Could not load the maturity levels: ${error.message}`));
void refreshTenders().catch((error: Error) => (element('tenders-summary').textContent = `Could not load: ${error.message}`));
void refreshHealth();
setInterval(() => void refreshHealth(), 5000);
