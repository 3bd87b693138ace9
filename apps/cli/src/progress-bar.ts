export interface ProgressReading {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
}

const number = new Intl.NumberFormat('en-US');

/** `[########------------]  40.0%  4,000/10,000 events  2,000 ev/s  ETA 3s` */
export function renderProgress({ done, total, elapsedMs }: ProgressReading, width = 24): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta =
    rate > 0 && done < total
      ? `ETA ${formatDuration(((total - done) / rate) * 1000)}`
      : done >= total
        ? 'done'
        : 'ETA …';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}%  ${number.format(done)}/${number.format(total)} events  ${number.format(Math.round(rate))} ev/s  ${eta}`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
