import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { basename, extname, join, normalize } from 'node:path';
import { nameRoute } from '../observability/route-template.js';

/** Paths the dashboard does not own: the API's, and files (a dot in the last segment). */
const NOT_A_VIEW = /^\/(api|metrics)(\/|$)|\.[^/]*$/;
/** Vite names every asset by its content hash: a cached copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
/** The copies the build writes beside each script and style sheet (vite.config.mts), best first. */
const SUFFIXES: Readonly<Record<string, string>> = { br: '.br', gzip: '.gz' };

/**
 * The dashboard's files, and its deep links: any other GET asking for HTML (a reload of
 * /scorecard?period=…) gets index.html and the app's router shows the view. Assets go out as the
 * brotli or gzip copy the build wrote beside them when the browser takes it (Express's own
 * Accept-Encoding negotiation, q-values included), cached for a year; index.html is revalidated
 * each time, so a new build is picked up on the next load.
 */
export function serveDashboard(app: NestExpressApplication, dir: string): void {
  const assets = join(dir, 'assets');
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    nameRoute(res, '/assets/*');
    const file = normalize(req.path)
      .replace(/^(\.\.[/\\])+/, '')
      .replace(/^[/\\]+/, '');
    const type = TYPES[extname(file)];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || type === undefined) return next();
    const encoding = req.acceptsEncodings(Object.keys(SUFFIXES));
    const suffix = encoding === false ? undefined : SUFFIXES[encoding];
    // Vary on every answer of a compressible asset, compressed or not: a shared cache must not
    // hand the plain copy to a browser that takes brotli, or the reverse.
    res.setHeader('vary', 'accept-encoding');
    if (suffix === undefined || !existsSync(join(assets, file + suffix))) return next();
    res.setHeader('content-type', type);
    res.setHeader('content-encoding', encoding as string);
    res.setHeader('cache-control', IMMUTABLE);
    res.sendFile(file + suffix, { root: assets });
  });
  app.useStaticAssets(dir, {
    setHeaders: (res, path) => {
      const asset = path.includes('/assets/');
      nameRoute(res, asset ? '/assets/*' : `/${basename(path)}`);
      res.setHeader('cache-control', asset ? IMMUTABLE : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_A_VIEW.test(req.path) || !(req.headers.accept ?? '').includes('text/html'))
      return next();
    nameRoute(res, '/{view}');
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
