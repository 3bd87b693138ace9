import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';

/** Paths the dashboard does not own: the API's, and files (a dot in the last segment). */
const NOT_A_VIEW = /^\/(api|metrics)(\/|$)|\.[^/]*$/;

/**
 * The dashboard's files, and its deep links: any other GET asking for HTML (a reload of
 * /scorecard?period=…) gets index.html and the app's router shows the view. Vite names every
 * asset by its content hash, so assets are cached for a year; index.html is revalidated each
 * time, so a new build is picked up on the next load.
 */
export function serveDashboard(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, {
    setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_A_VIEW.test(req.path) || !(req.headers.accept ?? '').includes('text/html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
