/**
 * Offline first: no page or asset the server sends may name an outside host. Third-party
 * bundles (React, GraphiQL, Monaco, markdown-it …) carry documentation links and error-message
 * URLs; the asset build makes them plain text (`https://react.dev/errors/` → `react.dev/errors/`,
 * so a link among them resolves on this server) and the tests check every served file with the
 * same finder.
 */

/**
 * URLs that name no resource to fetch but identify a vocabulary: XML namespaces, which the DOM
 * needs verbatim to create SVG and MathML elements, and JSON Schema draft identifiers, which the
 * JSON editor compares `$schema` values with (it is not configured to fetch schemas).
 */
export const INERT_URL_PREFIXES = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
  'http://json-schema.org/',
  'https://json-schema.org/',
];

/** scheme://host with a real host name: `http://${x}` or a bare `https://` are templates, not references. */
const URL_WITH_HOST =
  /\b(https?|wss?|ftp):\/\/(\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*)(?::\d+)?/g;

/** `//host/…` where a browser would fetch or follow it: an attribute, a CSS url() or @import. */
const PROTOCOL_RELATIVE =
  /(?:\b(?:src|href|action|srcset|poster)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])\/\/[A-Za-z0-9]/gi;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export interface OutsideUrl {
  url: string;
  index: number;
}

function isOutside(match: string, host: string, text: string, index: number): boolean {
  if (LOOPBACK.test(host)) return false;
  // A one-word host (`http://x`) is a placeholder or template, never a real outside host.
  if (!host.includes('.') && !host.startsWith('[')) return false;
  return !INERT_URL_PREFIXES.some((prefix) => text.startsWith(prefix, index) && prefix.length >= match.length);
}

/** Every URL in `text` that names a host other than loopback and is not an inert identifier. */
export function findOutsideUrls(text: string): OutsideUrl[] {
  const found: OutsideUrl[] = [];
  for (const m of text.matchAll(URL_WITH_HOST)) {
    if (isOutside(m[0], m[2]!, text, m.index)) found.push({ url: text.slice(m.index, m.index + 80), index: m.index });
  }
  for (const m of text.matchAll(PROTOCOL_RELATIVE))
    found.push({ url: text.slice(m.index, m.index + 80), index: m.index });
  return found.sort((a, b) => a.index - b.index);
}

/** `text` with the scheme of every outside URL removed: the address stays readable and stops being one. */
export function neutraliseOutsideUrls(text: string): string {
  return text.replace(URL_WITH_HOST, (match: string, _scheme: string, host: string, index: number) =>
    isOutside(match, host, text, index) ? match.slice(match.indexOf('://') + 3) : match,
  );
}
