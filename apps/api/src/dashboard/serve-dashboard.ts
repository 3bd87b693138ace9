import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

/** Paths the dashboard does not own: the API's, and files (a dot in the last segment). */
const NOT_A_VIEW = /^\/(api|metrics)(\/|$)|\.[^/]*$/;
/** Vite names every asset by its content hash: a cached copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * The dashboard's files, and its deep links: any other GET asking for HTML (a reload of
 * /scorecard?period=…) gets index.html and the app's router shows the view. Assets go out as the
 * brotli or gzip copy the build wrote beside them when the browser takes it, cached for a year;
 * index.html is revalidated each time, so a new build is picked up on the next load.
 */
export function serveDashboard(app: NestExpressApplication, dir: string): void {
  const assets = join(dir, 'assets');
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    const file = normalize(req.path).replace(/^(\.\.[/\\])+/, '').replace(/^[/\\]+/, '');
    const type = TYPES[extname(file)];
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = type === undefined ? undefined : ENCODINGS.find(([name, suffix]) => accepted.includes(name) && existsSync(join(assets, file + suffix)));
    if (req.method !== 'GET' || encoding === undefined) return next();
    res.setHeader('content-type', type!);
    res.setHeader('content-encoding', encoding[0]);
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('cache-control', IMMUTABLE);
    res.sendFile(file + encoding[1], { root: assets });
  });
  app.useStaticAssets(dir, { setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache') });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_A_VIEW.test(req.path) || !(req.headers.accept ?? '').includes('text/html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
