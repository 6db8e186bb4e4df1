/**
 * search(text, kinds): full-text candidates from the engine's index (Neo4j fulltext with the
 * cjk analyzer, Grafeo's cjk_bigram text index) plus exact name/alias keys, ranked
 * exact name > exact alias > partial, then by text relevance.
 */
import { NODE_LABELS } from '../../knowledge/seed-schema.js';
import { docNumberKey, looksLikeDocNumber, nameKey, normalizeText } from '../../text/chinese.js';
import type { GraphContext } from '../context.js';
import { BadUserInputError } from '../../errors.js';
import { MAX_SEARCH_PAGE, pageSize } from '../page-sizes.js';

/** One-character searches, which bigram full-text indexes cannot answer: a scan, bounded. */
export const SEARCH_BY_KEY = `
MATCH (n:Entity)
WHERE n.kind IN $kinds AND n.searchText CONTAINS $text
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameKeys AS nameKeys
LIMIT 200`;

const CANDIDATES = 200;

/** A candidate as ranked: its name keys decide the match (nameKeys[0] is the canonical name's). */
interface Candidate {
  id: string;
  kind: string;
  name: string;
  nameKeys?: string[] | null;
}

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
  if (!m || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw new BadUserInputError(`after: "${cursor.slice(0, 40)}" is not a cursor this search issued`, 'after');
  return Number(m[1]) + 1;
}

export async function search(_: unknown, args: SearchArgs, ctx: GraphContext) {
  const raw = args.text.trim();
  if (!raw) throw new BadUserInputError('text must not be empty', 'text');
  if (raw.length > 100)
    throw new BadUserInputError(`text is ${raw.length} characters; search takes at most 100`, 'text');
  const first = pageSize(args.first, MAX_SEARCH_PAGE);
  const offset = decodeOffset(args.after);
  // A document number typed with other brackets (阳府[2023]14号) is read as the corpus writes it.
  const asWritten = looksLikeDocNumber(raw) ? docNumberKey(raw) : raw;
  const text = normalizeText(asWritten);
  const key = nameKey(asWritten);
  const kinds: readonly string[] = args.kinds?.length ? args.kinds : NODE_LABELS;

  // The full-text index holds every name form, and its hits carry what ranking reads (kind, name,
  // name keys); only a one-character query (which bigram tokenizers cannot see) needs the scan.
  const short = [...text].length < 2;
  const hits = short ? [] : await ctx.search(text, CANDIDATES);
  const candidates: Candidate[] = short
    ? await ctx.read<Candidate>(SEARCH_BY_KEY, { kinds, text })
    : [...new Map(hits.filter((h) => kinds.includes(h.kind)).map((h) => [h.id, h])).values()];
  const relevance = new Map(hits.map((h) => [h.id, h.score]));
  const top = Math.max(1, ...hits.map((h) => h.score));

  const ranked = candidates
    .map((c) => {
      const keys = c.nameKeys ?? [];
      const match = (keys[0] ?? nameKey(c.name)) === key ? 'NAME' : keys.includes(key) ? 'ALIAS' : 'PARTIAL';
      const tier = match === 'NAME' ? 3 : match === 'ALIAS' ? 2 : 1;
      return { id: c.id, name: c.name, match, score: tier + (relevance.get(c.id) ?? 0) / (top + 1) };
    })
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || (a.id < b.id ? -1 : 1));

  const page = ranked.slice(offset, offset + first);
  ctx.returned(page.length, 'search');
  return {
    totalCount: ranked.length,
    pageInfo: {
      hasNextPage: offset + first < ranked.length,
      endCursor: page.length ? encodeOffset(offset + page.length - 1) : null,
    },
    // The page's nodes load whole only when selected, all in one batched query: the one read.
    edges: page.map((e, i) => ({
      match: e.match,
      score: e.score,
      cursor: encodeOffset(offset + i),
      node: () => ctx.entity.load(e.id),
    })),
  };
}
