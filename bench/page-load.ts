/**
 * npm run bench:pages [-- --runs 10]
 *
 * How long the pages take to load in headless Chromium (Debian's /usr/bin/chromium) against the
 * real server on the seeded graph, over loopback: from navigation to the page being usable
 * (explorer: its first view drawn and listed; IDE: the editor up; home: the load event). Each run
 * starts with an empty HTTP cache ("cold") and is followed by a reload with the cache ("warm").
 * Prints a markdown table with the machine and its load average.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { launchBrowser } from '../tests/browser/chromium.js';
import { seededStore } from '../tests/support/seeded-store.js';
import { serveApp } from '../tests/support/web-server.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } }, strict: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got ${values.runs}`);

const explorerReady = (page: Page) =>
  page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
const PAGES: Array<{ name: string; path: string; ready: (page: Page) => Promise<unknown> }> = [
  { name: 'home `/`', path: '/', ready: (page) => page.waitForLoadState('load') },
  {
    name: 'explorer `?q=韶关` (韶关市 and its neighbours)',
    path: '/explore?q=%E9%9F%B6%E5%85%B3',
    ready: explorerReady,
  },
  { name: 'explorer chain leaders 肇庆', path: '/explore?view=leaders&city=%E8%82%87%E5%BA%86', ready: explorerReady },
  { name: 'explorer city profile 韶关', path: '/explore?view=city&city=%E9%9F%B6%E5%85%B3', ready: explorerReady },
  {
    name: 'GraphQL IDE `/graphql`',
    path: '/graphql',
    ready: (page) => page.waitForSelector('.graphiql-container .monaco-editor', { timeout: 60_000 }),
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const { store } = await seededStore();
const server = await serveApp({ store, production: true, corpusDir: loadConfig().corpusDir });
const browser = await launchBrowser();
const page = await browser.newPage();
const cdp = await browser.context.newCDPSession(page);
const rows: string[] = [];
try {
  for (const target of PAGES) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await cdp.send('Network.clearBrowserCache');
      let started = performance.now();
      await page.goto(`${server.url}${target.path}`);
      await target.ready(page);
      if (i > 0) cold.push(performance.now() - started); // the first run warms the server and Chromium
      started = performance.now();
      await page.reload();
      await target.ready(page);
      if (i > 0) warm.push(performance.now() - started);
    }
    const cell = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `${percentile(s, 50).toFixed(0)} / ${percentile(s, 95).toFixed(0)} ms`;
    };
    rows.push(`| ${target.name} | ${cell(cold)} | ${cell(warm)} |`);
  }
} finally {
  await browser.close();
  await server.close();
  await store.close();
}
if (browser.outside.length) throw new Error(`requests left loopback: ${browser.outside.join(', ')}`);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Page load, ${runs} runs each (p50 / p95), headless Chromium, Node ${process.version}`);
console.log(
  `Machine: ${cpu}, ${os.cpus().length} cores; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
console.log('| page | cold cache | warm cache |\n|---|---:|---:|');
console.log(rows.join('\n'));
