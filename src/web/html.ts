/** The frame every page shares: head, navigation, stylesheets, scripts and the page's JSON config. */
import { esc } from '../browser-guide/index.js';
import { assetUrl, type AssetManifest } from './assets.js';

export { esc };

export type PageName = 'home' | 'explore' | 'ide' | 'guide';

const NAV: Array<{ page: PageName; href: string; zh: string; en: string }> = [
  { page: 'home', href: '/', zh: '首页', en: 'Home' },
  { page: 'explore', href: '/explore', zh: '图谱浏览', en: 'Explorer' },
  { page: 'ide', href: '/graphql', zh: 'GraphQL 查询', en: 'IDE' },
  { page: 'guide', href: '/browser-guide', zh: 'Neo4j Browser 指南', en: 'guide' },
];

/**
 * No page may load anything from another host: the policy says so to the browser as well, so a
 * stray reference in a library fails loudly instead of reaching out.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React, Radix and Cytoscape set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface PageOptions {
  page: PageName;
  title: string;
  manifest: AssetManifest;
  /** The page's own bundle (script and stylesheet, after the site's); its name is also the body's class. */
  entry?: 'ide' | 'explore';
  /** JSON for the page's script (read with page-config.ts). */
  config?: unknown;
  /** Trusted HTML: built with esc() around every value. */
  body: string;
}

function navigation(current: PageName): string {
  const links = NAV.map(
    (n) =>
      `<a href="${n.href}"${n.page === current ? ' aria-current="page"' : ''}${n.page === 'home' ? ' class="brand"' : ''}>${
        n.page === 'home' ? 'ChainAtlas' : `${esc(n.zh)} <span class="en">${esc(n.en)}</span>`
      }</a>`,
  ).join('\n      ');
  return `<a class="skip-link" href="#main">跳到正文 Skip to content</a>
    <nav class="site-nav" aria-label="站点 Site">
      ${links}
    </nav>`;
}

const HEAD = `<meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">`;
const stylesheet = (file: string) => `<link rel="stylesheet" href="${esc(assetUrl(file))}">`;

/**
 * A page of another module (the Neo4j Browser guide) in the site's frame, for a browser tab: the
 * site's head, stylesheets and navigation around its body, which stays as it is.
 */
export function framePage(html: string, page: PageName, manifest: AssetManifest, css: string[], intro = ''): string {
  const head = [HEAD, ...[manifest.entries.site.css, ...css].map(stylesheet)].join('\n    ');
  // Functions as replacements: the inserted text is taken literally, `$` and all.
  return html
    .replace(/<\/head>/i, () => `    ${head}\n  </head>`)
    .replace(
      /<body([^>]*)>/i,
      (_, attrs: string) => `<body${attrs} class="${page}-page">\n    ${navigation(page)}\n    <div id="main">${intro}`,
    )
    .replace(/<\/body>/i, () => '</div>\n</body>');
}

/** JSON inside a script element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function renderPage(o: PageOptions): string {
  const bundle = o.entry && o.manifest.entries[o.entry];
  const styles = [o.manifest.entries.site.css, ...(bundle ? [bundle.css] : [])].map(stylesheet).join('\n    ');
  const scripts = bundle ? `<script type="module" src="${esc(assetUrl(bundle.js))}"></script>` : '';
  const config =
    o.config === undefined ? '' : `<script type="application/json" id="page-config">${scriptJson(o.config)}</script>`;
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    ${HEAD}
    <title>${esc(o.title)}</title>
    ${styles}
    ${config}
    ${scripts}
  </head>
  <body${o.entry ? ` class="${o.entry}"` : ''}>
    ${navigation(o.page)}
    ${o.body}
  </body>
</html>
`;
}
