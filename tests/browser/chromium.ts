/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (no browser download; .ci/run installs the package), a fresh profile per run, and a closed
 * network: every host but 127.0.0.1 fails to resolve, and any request that still tries to leave
 * loopback is aborted and recorded, so a test can fail on it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = 'test-artifacts/screenshots';

/** Run in CI or wherever Chromium is installed; elsewhere the suite says how to get it. */
export const browserAvailable = existsSync(CHROMIUM);
export const browserRequired = Boolean(process.env.CI);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A closed network: names other than loopback do not resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const LOCAL = new Set(['127.0.0.1']);
const isLocal = (url: string) => {
  const u = new URL(url);
  return ['data:', 'blob:', 'about:'].includes(u.protocol) || LOCAL.has(u.hostname);
};

export interface Browser {
  context: BrowserContext;
  /** Every URL a page, worker or socket tried to reach off loopback. */
  outside: string[];
  /** Uncaught errors and console errors of the pages. */
  pageErrors: string[];
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'chainatlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const record = (url: string) => {
    if (!isLocal(url)) outside.push(url);
  };
  // Recorded by the request event (which also sees aborted requests); the route only stops them.
  await context.route('**/*', (route) =>
    isLocal(route.request().url()) ? route.continue() : route.abort('addressunreachable'),
  );
  context.on('request', (request) => record(request.url()));
  const watch = (page: Page) => {
    page.on('websocket', (ws) => record(ws.url()));
    page.on('worker', (worker) => record(worker.url()));
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    outside,
    pageErrors,
    newPage: () => context.newPage(),
    async screenshot(page, name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
