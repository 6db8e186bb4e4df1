/**
 * search(text, kinds): full-text candidates from the engine's index (Neo4j fulltext with the
 * cjk analyzer, Grafeo's cjk_bigram text index) plus exact name/alias keys, ranked
 * exact name > exact alias > partial, then by text relevance.
 */
import { nameKey, normalizeText } from '../../text/chinese.js';
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import { SEARCH_BY_KEY } from '../graph-queries.js';
import type { NodeProps } from '../node-props.js';
import { pageSize } from '../entity-resolvers.js';

export const MAX_SEARCH_PAGE = 50;
const CANDIDATES = 200;

interface SearchArgs {
  text: string;
  kinds?: string[] | null;
  first?: number | null;
  after?: string | null;
}

const encodeOffset = (n: number) => Buffer.from(`offset:${n}`).toString('base64url');
function decodeOffset(cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const m = /^offset:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badInput(`after: "${cursor.slice(0, 40)}" is not a cursor this search issued`, 'after');
  return Number(m[1]) + 1;
}

export async function search(_: unknown, args: SearchArgs, ctx: GraphContext) {
  const raw = args.text.trim();
  if (!raw) throw badInput('text must not be empty', 'text');
  if (raw.length > 100) throw badInput(`text is ${raw.length} characters; search takes at most 100`, 'text');
  const first = pageSize(args.first, MAX_SEARCH_PAGE);
  const offset = decodeOffset(args.after);
  const text = normalizeText(raw);
  const key = nameKey(raw);
  const kinds = args.kinds?.length ? args.kinds : null;

  // The full-text index holds every name form; only a one-character query (which bigram
  // tokenizers cannot see) needs the scan.
  const short = [...text].length < 2;
  const [hits, exact] = await Promise.all([
    short ? Promise.resolve([]) : ctx.search(text, CANDIDATES),
    short ? ctx.read<{ node: NodeProps }>(SEARCH_BY_KEY, { kinds, text }) : Promise.resolve([]),
  ]);
  const relevance = new Map(hits.map((h) => [h.id, h.score]));
  const top = Math.max(1, ...hits.map((h) => h.score));
  const candidates = new Map(exact.map((r) => [r.node.id, r.node]));
  const missing = hits.map((h) => h.id).filter((id) => !candidates.has(id));
  for (const node of await ctx.entity.loadMany(missing)) {
    if (node && !(node instanceof Error) && (!kinds || kinds.includes(node.kind))) candidates.set(node.id, node);
  }

  const ranked = [...candidates.values()]
    .map((node) => {
      const keys = (node.nameKeys as string[] | undefined) ?? [];
      const match = nameKey(node.name) === key ? 'NAME' : keys.includes(key) ? 'ALIAS' : 'PARTIAL';
      const tier = match === 'NAME' ? 3 : match === 'ALIAS' ? 2 : 1;
      return { node, match, score: tier + (relevance.get(node.id) ?? 0) / (top + 1) };
    })
    .sort((a, b) => b.score - a.score || a.node.name.length - b.node.name.length || (a.node.id < b.node.id ? -1 : 1));

  const page = ranked.slice(offset, offset + first);
  for (const { node } of page) ctx.entity.prime(node.id, node);
  return {
    totalCount: ranked.length,
    pageInfo: { hasNextPage: offset + first < ranked.length, endCursor: page.length ? encodeOffset(offset + page.length - 1) : null },
    edges: page.map((e, i) => ({ ...e, cursor: encodeOffset(offset + i) })),
  };
}
