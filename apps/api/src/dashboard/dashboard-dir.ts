import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built dashboard, served at `/` by this process. The repository layout is the deployable
 * layout: apps/api/dist (or src, under tests) sits three folders below dashboards/web/dist.
 */
export function dashboardDir(): string {
  const dir = process.env['DASHBOARD_DIR'] ?? join(__dirname, '..', '..', '..', '..', 'dashboards', 'web', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`dashboard not built: ${join(dir, 'index.html')} is missing (run npm run build)`);
  }
  return dir;
}
