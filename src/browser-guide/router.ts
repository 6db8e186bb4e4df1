/**
 * Serves the Neo4j Browser guide and its stylesheet:
 *   GET <mount>/             the guide (`:play http://host:port<mount>` in Neo4j Browser)
 *   GET <mount>/style.grass  the GraSS stylesheet, cypher/chainatlas.grass
 * Browser fetches guides from its own origin, so both answer any origin (CORS `*`). The library
 * files are read on every request: an edited or added query shows on the next `:play`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { renderBrowserGuide } from './render-guide.js';

export interface BrowserGuideOptions {
  /** The directory holding queries/, chainatlas.grass and manifest.json; default `cypher` (from the working directory). */
  cypherDir?: string;
}

export const GRASS_FILE = 'chainatlas.grass';

function allowAnyOrigin(res: Response): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  res.set('Vary', 'Origin');
}

/** Absolute URL of the mount point, as the client reached it. */
function mountUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
}

/** The detail (paths, errno) goes to the log, not to the client. */
function failed(res: Response, what: string, error: unknown): void {
  res.req.log?.error({ err: error }, `browser guide: cannot ${what}`);
  res.status(500).type('text/plain; charset=utf-8').send(`cannot ${what}\n`);
}

/** GET handler for the guide page. */
export function browserGuideHandler(options: BrowserGuideOptions = {}): RequestHandler {
  const cypherDir = options.cypherDir ?? 'cypher';
  return async (req, res) => {
    allowAnyOrigin(res);
    const base = mountUrl(req);
    try {
      const html = await renderBrowserGuide(path.join(cypherDir, 'queries'), {
        styleUrl: `${base}/style.grass`,
        guideUrl: base,
      });
      res.status(200).type('text/html; charset=utf-8').set('Cache-Control', 'no-cache').send(html);
    } catch (error) {
      failed(res, 'render the Browser guide', error);
    }
  };
}

/** GET handler for the GraSS stylesheet. */
export function grassHandler(options: BrowserGuideOptions = {}): RequestHandler {
  const file = path.join(options.cypherDir ?? 'cypher', GRASS_FILE);
  return async (_req, res) => {
    allowAnyOrigin(res);
    try {
      const grass = await readFile(file, 'utf8');
      res
        .status(200)
        .type('text/plain; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${GRASS_FILE}"`)
        .set('Cache-Control', 'no-cache')
        .send(grass);
    } catch (error) {
      failed(res, `read ${file}`, error);
    }
  };
}

/** The guide and its stylesheet, to mount with `app.use('/browser-guide', browserGuideRouter())`. */
export function browserGuideRouter(options: BrowserGuideOptions = {}): Router {
  const router = express.Router();
  router.options(['/', '/style.grass'], (_req, res) => {
    allowAnyOrigin(res);
    res.set('Access-Control-Allow-Headers', '*').status(204).end();
  });
  router.get('/', browserGuideHandler(options));
  router.get('/style.grass', grassHandler(options));
  return router;
}
