/**
 * The pages' scripts and styles: bundles built by `npm run build:web` (src/web/build-assets.ts)
 * into dist/web-assets/, listed in its manifest.json and served from /assets/ with the server's
 * own files only: no CDN. Names carry a content hash, so browsers may keep them for a year.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** <repo>/dist/web-assets, from src/web/ (tsx) and from dist/web/ (compiled) alike. */
export const WEB_ASSETS_DIR = fileURLToPath(new URL('../../dist/web-assets/', import.meta.url));
export const ASSETS_PATH = '/assets';

/** The entry points the pages load; file names are relative to the assets directory. */
export interface AssetManifest {
  /** Hash of everything the build read; the build is skipped while it matches. */
  stamp: string;
  entries: {
    site: { css: string };
    /** The Neo4j Browser guide, read in an ordinary browser tab. */
    guide: { css: string };
    ide: { js: string; css: string };
    explore: { js: string; css: string };
  };
  /** Monaco's web workers for the IDE, by the label Monaco asks for. */
  workers: Record<'editor' | 'json' | 'graphql', string>;
  /** Every file the server may send, entry points and what they reference (fonts, licence notes). */
  files: string[];
}

export class AssetsMissingError extends Error {
  override name = 'AssetsMissingError';
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export async function readManifest(dir = WEB_ASSETS_DIR): Promise<AssetManifest> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as AssetManifest;
  } catch (error) {
    throw new AssetsMissingError(
      `the web pages' assets are not built (${(error as Error).message}); run npm run build:web`,
    );
  }
}

/** URL of an asset file, for the pages. */
export const assetUrl = (file: string) => `${ASSETS_PATH}/${file}`;

/**
 * The manifest, read again whenever the file changes: `npm run build:web` while the server runs
 * replaces the bundles, and the pages then name the new ones.
 */
export function assetCatalogue(dir = WEB_ASSETS_DIR): () => Promise<AssetManifest> {
  const file = path.join(dir, 'manifest.json');
  let cached: { mtimeMs: number; manifest: Promise<AssetManifest> } | undefined;
  return async () => {
    const mtimeMs = await stat(file).then(
      (s) => s.mtimeMs,
      () => -1,
    );
    if (!cached || cached.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, manifest: readManifest(dir) };
      cached.manifest.catch(() => (cached = undefined));
    }
    return cached.manifest;
  };
}

/** GET /assets/<file>: only files the manifest lists (never a path the client makes up). */
export function assetsRouter(manifest: () => Promise<AssetManifest>, dir = WEB_ASSETS_DIR): Router {
  const router = express.Router();
  router.get('/:file', async (req, res, next) => {
    const file = req.params.file;
    let listed: boolean;
    try {
      listed = (await manifest()).files.includes(file);
    } catch (error) {
      return next(error);
    }
    if (!listed) return void res.status(404).type('text/plain; charset=utf-8').send('no such asset\n');
    res
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .set('Cache-Control', 'public, max-age=31536000, immutable')
      .set('X-Content-Type-Options', 'nosniff');
    res.sendFile(path.join(dir, file), (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
  return router;
}
