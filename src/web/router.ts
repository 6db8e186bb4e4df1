/**
 * The pages people open in a browser:
 *   GET /            home: what ChainAtlas is, live counts, links
 *   GET /graphql     the GraphQL IDE, when a browser asks for HTML (everything else goes on to Apollo)
 *   GET /explore     the graph explorer
 *   GET /browser-guide  the Neo4j Browser guide, framed and styled, when a browser tab opens it
 *                    (Neo4j Browser's own fetch of the guide, and everything else, goes on unchanged)
 *   GET /assets/*    their bundles (built by npm run build:web)
 * Every page and asset comes from this server; the pages say so to the browser with a
 * Content-Security-Policy that allows no other origin.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { GRASS_FILE, renderBrowserGuide } from '../browser-guide/index.js';
import type { GraphContext } from '../graphql/context.js';
import {
  AssetsMissingError,
  assetCatalogue,
  assetsRouter,
  ASSETS_PATH,
  WEB_ASSETS_DIR,
  type AssetManifest,
} from './assets.js';
import { renderExplorePage } from './explore-page.js';
import { parseGrass, type GraphStyle } from './grass.js';
import { HOME_STATS_QUERY, renderHomePage, type HomeStats } from './home-page.js';
import { CONTENT_SECURITY_POLICY, esc, framePage } from './html.js';
import { renderIdePage } from './ide-page.js';

export const GRAPHQL_PATH = '/graphql';

export interface WebOptions {
  apollo: ApolloServer<GraphContext>;
  /** A request's GraphQL context, for the operations the pages run on the server (home counts). */
  context: (req: Request) => GraphContext;
  /** Holds chainatlas.grass (colours and captions per kind); default `cypher`. */
  cypherDir?: string;
  /** The built bundles; default dist/web-assets. */
  assetsDir?: string;
}

/** A browser navigating to /graphql (not a GraphQL-over-HTTP GET, which carries `query`). */
function wantsIde(req: Request): boolean {
  if (req.query.query !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

function sendPage(res: Response, html: string): void {
  res
    .status(200)
    .type('text/html; charset=utf-8')
    .set('Cache-Control', 'no-cache')
    .set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .set('X-Content-Type-Options', 'nosniff')
    .set('Referrer-Policy', 'same-origin')
    .send(html);
}

/** The bundles are missing (npm run build:web has not run): say what to do, not "500". */
function sendMissing(res: Response, error: AssetsMissingError): void {
  res.req.log?.error({ err: error }, 'web pages: assets missing');
  res
    .status(503)
    .type('text/plain; charset=utf-8')
    .send('The web pages are not built yet: run `npm run build:web` (`npm start` does it first).\n');
}

export function webRouter(options: WebOptions): Router {
  const assetsDir = options.assetsDir ?? WEB_ASSETS_DIR;
  const manifest = assetCatalogue(assetsDir);
  const grassFile = path.join(options.cypherDir ?? 'cypher', GRASS_FILE);
  // Read on every page load, as the Browser guide reads it: an edited stylesheet shows on reload.
  const readStyle = async (): Promise<GraphStyle> => parseGrass(await readFile(grassFile, 'utf8'));

  const page =
    (render: (req: Request, manifest: AssetManifest) => Promise<string>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        sendPage(res, await render(req, await manifest()));
      } catch (error) {
        if (error instanceof AssetsMissingError) return sendMissing(res, error);
        next(error);
      }
    };

  const router = express.Router();
  router.use(ASSETS_PATH, assetsRouter(manifest, assetsDir));

  router.get(
    '/',
    page(async (req, m) => {
      const guideUrl = `${req.protocol}://${req.get('host') ?? 'localhost'}/browser-guide`;
      const style = await readStyle().catch((error) => {
        req.log?.warn({ err: error }, `home page: cannot read ${grassFile}`);
        return undefined;
      });
      try {
        const response = await options.apollo.executeOperation<{ stats: HomeStats }>(
          { query: HOME_STATS_QUERY },
          { contextValue: options.context(req) },
        );
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const problem = result?.errors?.map((e) => e.message).join('; ');
        return renderHomePage({ manifest: m, style, guideUrl, stats: result?.data?.stats ?? null, problem });
      } catch (error) {
        req.log?.error({ err: error }, 'home page: counts failed');
        return renderHomePage({ manifest: m, style, guideUrl, stats: null });
      }
    }),
  );

  router.get(
    '/explore',
    page(async (_req, m) => renderExplorePage(m, { endpoint: GRAPHQL_PATH, style: await readStyle() })),
  );

  // A top-level navigation says so (Sec-Fetch-Dest: document); Neo4j Browser fetches the guide from script.
  const guide = page(async (req, m) => {
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}/browser-guide`;
    const html = await renderBrowserGuide(path.join(options.cypherDir ?? 'cypher', 'queries'), {
      styleUrl: `${base}/style.grass`,
      guideUrl: base,
    });
    const intro = `<p class="notice guide-intro">这是 Neo4j Browser 指南：在 Neo4j Browser 中运行 <code>:play ${esc(base)}</code>，点击代码块即可执行。<span class="en">This is the Neo4j Browser guide: in Neo4j Browser, run <code>:play ${esc(base)}</code> and click a code block to run it.</span></p>`;
    return framePage(html, 'guide', m, [m.entries.guide.css], intro);
  });
  router.get('/browser-guide', (req, res, next) =>
    req.get('sec-fetch-dest') === 'document' ? guide(req, res, next) : next(),
  );

  const ide = page(async (_req, m) => renderIdePage(m, GRAPHQL_PATH));
  router.get(GRAPHQL_PATH, (req, res, next) => (wantsIde(req) ? ide(req, res, next) : next()));
  return router;
}
