/**
 * Builds the pages' bundles with esbuild into dist/web-assets/ (see assets.ts): the GraphQL IDE
 * (GraphiQL, React, Monaco and Monaco's workers), the explorer (Cytoscape.js) and the site's
 * stylesheet. Runs before `npm start` (prestart), in `npm run build` (the Docker image) and
 * before the tests (vitest globalSetup); skipped while nothing it reads has changed.
 *
 * Development-time only: esbuild and the front-end packages are devDependencies, and the
 * running server only reads the output.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { readManifest, WEB_ASSETS_DIR, type AssetManifest } from './assets.js';
import { neutraliseOutsideUrls } from './outside-urls.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_DIR = path.join(ROOT, 'src/web');
export const IDE_EXAMPLES_DIR = path.join(WEB_DIR, 'ide-examples');
/** Browsers of the last few years; the pages use ES2022 and CSS grid. */
const TARGET = ['chrome109', 'firefox115', 'safari16', 'edge109'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Hash of what the build reads: src/web/ (this file included) and the locked dependency versions. */
async function inputStamp(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await filesUnder(WEB_DIR)), path.join(ROOT, 'package-lock.json')]) {
    hash
      .update(path.relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The IDE's example operations (ide-examples/*.graphql) as a module, so adding a file adds a tab. */
const ideExamplesPlugin: esbuild.Plugin = {
  name: 'ide-examples',
  setup(build) {
    build.onResolve({ filter: /^virtual:ide-examples$/ }, () => ({
      path: IDE_EXAMPLES_DIR,
      namespace: 'ide-examples',
    }));
    build.onLoad({ filter: /.*/, namespace: 'ide-examples' }, async () => {
      const examples = await readIdeExamples();
      return { contents: `export default ${JSON.stringify(examples)};`, loader: 'js', watchDirs: [IDE_EXAMPLES_DIR] };
    });
  },
};

export interface IdeExample {
  file: string;
  query: string;
}

export async function readIdeExamples(): Promise<IdeExample[]> {
  const files = (await readdir(IDE_EXAMPLES_DIR)).filter((f) => f.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, query: (await readFile(path.join(IDE_EXAMPLES_DIR, file), 'utf8')).trim() })),
  );
}

const common: esbuild.BuildOptions = {
  bundle: true,
  minify: true,
  target: TARGET,
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  // Licence notices go to <bundle>.LEGAL.txt beside each bundle, which names it at its end.
  legalComments: 'linked',
  logLevel: 'silent',
  absWorkingDir: ROOT,
};

/** The output of entry point `name` (entryNames is `[name]-[hash]`) with extension `ext`. */
function outputOf(files: string[], name: string, ext: 'js' | 'css'): string {
  const found = files.filter((f) => new RegExp(`^${name.replace(/\./g, '\\.')}-[A-Z0-9]+\\.${ext}$`).test(f));
  if (found.length !== 1) throw new Error(`expected one ${name}-<hash>.${ext} from esbuild, found ${found.length}`);
  return found[0]!;
}

export interface BuildReport {
  built: boolean;
  ms: number;
  bytes: number;
  manifest: AssetManifest;
}

/** Builds the bundles unless the ones in `outDir` were built from the same inputs. */
export async function buildWebAssets({ outDir = WEB_ASSETS_DIR, force = false } = {}): Promise<BuildReport> {
  const started = performance.now();
  const stamp = await inputStamp();
  if (!force && existsSync(path.join(outDir, 'manifest.json'))) {
    const current = await readManifest(outDir).catch(() => undefined);
    if (current?.stamp === stamp) return { built: false, ms: performance.now() - started, bytes: 0, manifest: current };
  }
  // Built beside the output and renamed into place, so a running server never sees half a build.
  const temp = `${outDir.replace(/\/$/, '')}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  const client = (file: string) => path.join('src/web/client', file);
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: {
        site: client('site.css'),
        guide: client('guide.css'),
        ide: client('ide/main.ts'),
        explore: client('explore/main.ts'),
      },
      outdir: temp,
      format: 'esm',
      // One file per page: esbuild does not load the CSS of lazily loaded chunks, and Monaco has some.
      splitting: false,
      plugins: [ideExamplesPlugin],
    }),
    esbuild.build({
      ...common,
      entryPoints: {
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      outdir: temp,
      format: 'iife',
    }),
  ]);
  const files = (await readdir(temp)).sort();
  let bytes = 0;
  for (const file of files) {
    const full = path.join(temp, file);
    if (/\.(js|css|txt)$/.test(file)) {
      const text = neutraliseOutsideUrls(await readFile(full, 'utf8'));
      await writeFile(full, text);
      bytes += Buffer.byteLength(text);
    }
  }
  const manifest: AssetManifest = {
    stamp,
    entries: {
      site: { css: outputOf(files, 'site', 'css') },
      guide: { css: outputOf(files, 'guide', 'css') },
      ide: { js: outputOf(files, 'ide', 'js'), css: outputOf(files, 'ide', 'css') },
      explore: { js: outputOf(files, 'explore', 'js'), css: outputOf(files, 'explore', 'css') },
    },
    workers: {
      editor: outputOf(files, 'editor.worker', 'js'),
      json: outputOf(files, 'json.worker', 'js'),
      graphql: outputOf(files, 'graphql.worker', 'js'),
    },
    files,
  };
  await writeFile(path.join(temp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  await rename(temp, outDir);
  return { built: true, ms: performance.now() - started, bytes, manifest };
}
