/**
 * The coverage lint: every mention in a document that looks like a park, project or policy
 * (《…》 titles, phrases ending in 产业园 / 工业园 / 园区 / 新区 / 示范区 / … / 项目, a name ending
 * in a bare 园 such as 华南装备园, document numbers such as 阳府〔2023〕14号) must be either mapped
 * to an entity or listed in the seed's `ignore:` with a reason (an entry that is a bare suffix,
 * 项目 or 园区, covers only that bare word). Pure: works on the compiled knowledge and the
 * documents' normalised texts, so 001/002 (Traditional, pinyin, mojibake) are read in the same
 * Simplified form as the rest.
 */
import { nameKey } from '../text/chinese.js';
import type { SourceText } from '../text/source-text.js';
import type { Knowledge } from './compile-knowledge.js';

/**
 * Phrase endings that mark a park, zone, platform, base or project (Simplified: matched on
 * normalised text). A bare 园 counts only where it ends a name (see `isParkYuan`).
 */
export const MENTION_SUFFIXES = [
  '产业园',
  '工业园',
  '园区',
  '园',
  '高新区',
  '开发区',
  '经开区',
  '新区',
  '起步区',
  '示范区',
  '试验区',
  '产业城',
  '集聚区',
  '基地',
  '平台',
  '项目',
] as const;

/**
 * Words ending in 园 that are not parks of industry: the character before 园 decides (公园,
 * 校园, 动物园/植物园, 幼儿园 …), including the verbs 扩园, 入园, 进园, 建园 (expanding or
 * entering a park). A name such as 华南装备园 or 新丰食品园 ends in none of these.
 */
const NOT_PARK_YUAN = new Set([
  '公',
  '校',
  '家',
  '花',
  '田',
  '庄',
  '乐',
  '菜',
  '果',
  '茶',
  '陵',
  '物',
  '儿',
  '游',
  '扩',
  '入',
  '进',
  '建',
]);
/** Characters after 园 that continue the word (园林, 园艺, 园长, 园丁, 园地, 园中园): no park name ends there. */
const YUAN_CONTINUES = /^(?:[林艺长丁地]|中园)/;

/** A phrase mention is at most this long (context words before the name included). */
export const MAX_MENTION = 30;
/** A name or alias must be at least this long (in name-key characters) to map a mention. */
export const MIN_NAME = 3;

export type MentionKind = 'title' | 'phrase' | 'docNumber';

export interface Mention {
  kind: MentionKind;
  /** Normalised text (Simplified, pinyin removed, widths folded, lower-case). */
  text: string;
  /** The suffix the phrase ends in (kind 'phrase'). */
  suffix?: string;
  /** Span in the normalised text. */
  normStart: number;
  normEnd: number;
  /** Span in the original document and the original excerpt. */
  start: number;
  end: number;
  original: string;
}

export interface IgnoreEntry {
  text: string;
  reason: string;
}

export type ClassifiedMention =
  | (Mention & {
      status: 'mapped';
      entityId: string;
      name: string;
      /** the entity has evidence from this document */ inDocument: boolean;
    })
  | (Mention & { status: 'ignored'; ignore: IgnoreEntry })
  | (Mention & { status: 'uncovered' });

export interface CoverageFigures {
  mentions: number;
  mapped: number;
  ignored: number;
  uncovered: number;
  /** (mapped + ignored) / mentions, in percent; 100 when there are no mentions. */
  coveragePct: number;
}

export interface DocumentCoverage extends CoverageFigures {
  docId: string;
  file: string;
  items: ClassifiedMention[];
  /** Ignore entries of this document's seed that decide no mention. */
  staleIgnores: IgnoreEntry[];
}

export interface CoverageReport {
  documents: DocumentCoverage[];
  totals: CoverageFigures;
}

// ---------------------------------------------------------------------------------------------
// Extraction

const HAN = /\p{Script=Han}/u;
/** Characters a name run may contain besides Han: ASCII letters and digits, ()·- (widths are folded). */
const RUN_EXTRA = /[a-z0-9()·-]/;

function isRunChar(text: string, i: number): boolean {
  const c = text[i]!;
  if (HAN.test(c) || RUN_EXTRA.test(c)) return true;
  // A decimal point inside a number (年产16.3万吨…项目), a slash inside a unit (5000t/d).
  if (c === '.') return /[0-9]/.test(text[i - 1] ?? '') && /[0-9]/.test(text[i + 1] ?? '');
  if (c === '/') return /[a-z0-9]/.test(text[i - 1] ?? '') && /[a-z0-9]/.test(text[i + 1] ?? '');
  return false;
}

/** A list enumerator opening a run, "(十二)提升主平台": not part of any name. */
const ENUMERATOR = /^\([一二三四五六七八九十百0-9]{1,4}\)/;

/**
 * The start of the name run that ends at `end` (exclusive): back over Han, ASCII letters and
 * digits and balanced (), stopping at other punctuation or whitespace, at an unmatched "(",
 * after an unmatched ")", and after `limit` characters.
 */
function runStart(text: string, end: number, limit: number): number {
  let i = end;
  const closers: number[] = [];
  while (i > 0 && end - i < limit && isRunChar(text, i - 1)) {
    const c = text[i - 1];
    if (c === ')') closers.push(i - 1);
    else if (c === '(') {
      if (closers.length === 0) break; // "企业(项目)": the "(" opens around the mention, not inside it
      closers.pop();
    }
    i--;
  }
  // An unmatched ")" ends an earlier parenthesis the run does not contain.
  if (closers.length > 0) i = closers[0]! + 1;
  return i;
}

/**
 * A bare 园 at `at` ends a park name: two Han characters right before it (华南装备|园, not
 * “园园通”), the one before it not making an ordinary word (公园, 扩园 …), and the word not
 * going on after it (园林, 园中园).
 */
function isParkYuan(text: string, at: number): boolean {
  if (at < 2 || !HAN.test(text[at - 1]!) || !HAN.test(text[at - 2]!)) return false;
  if (text[at - 1] === '园' || NOT_PARK_YUAN.has(text[at - 1]!)) return false;
  return !YUAN_CONTINUES.test(text.slice(at + 1, at + 3));
}

const TITLE = /《[^《》\n]{1,100}》/g;
/**
 * Document numbers: a Han issuer prefix, the year in 〔〕 (also [] or 【】), a number and 号.
 * The brackets are required, so unit numbers (7-8号机组), licence numbers and the like are not
 * mistaken for policies.
 */
const DOC_NUMBER = /\p{Script=Han}{1,10}[〔[【](?:19|20)\d{2}[〕\]】]\d{1,5}号/gu;

/** Every park/project/policy-looking mention in a document, in text order. */
export function extractMentions(doc: SourceText): Mention[] {
  const text = doc.normalized;
  const mention = (kind: MentionKind, normStart: number, normEnd: number, suffix?: string): Mention => {
    const start = doc.start[normStart]!;
    const end = doc.end[normEnd - 1]!;
    return {
      kind,
      text: text.slice(normStart, normEnd),
      ...(suffix ? { suffix } : {}),
      normStart,
      normEnd,
      start,
      end,
      original: doc.original.slice(start, end),
    };
  };
  const out: Mention[] = [];

  for (const m of text.matchAll(TITLE)) out.push(mention('title', m.index, m.index + m[0].length));
  for (const m of text.matchAll(DOC_NUMBER)) out.push(mention('docNumber', m.index, m.index + m[0].length));

  // Suffix occurrences; one ending inside or right before a longer compound is part of it
  // (工业园|区 → 工业园区, 平台|项目 → 平台项目), so only the outermost of a chain counts.
  const hits: Array<{ at: number; end: number; suffix: string }> = [];
  for (const suffix of MENTION_SUFFIXES) {
    for (let at = text.indexOf(suffix); at !== -1; at = text.indexOf(suffix, at + 1)) {
      if (suffix === '园' && !isParkYuan(text, at)) continue;
      // 区域 is "region": 创新区域, 示范区域 end in no zone.
      if (suffix.endsWith('区') && text[at + suffix.length] === '域') continue;
      hits.push({ at, end: at + suffix.length, suffix });
    }
  }
  hits.sort((a, b) => a.end - b.end || b.suffix.length - a.suffix.length);
  const kept = hits.filter((h, i) => {
    if (i > 0 && hits[i - 1]!.end === h.end) return false; // same end, longer suffix already kept
    return !hits.some((o) => o.end > h.end && o.at >= h.at && o.at <= h.end);
  });
  // A phrase inside a 《…》 title is part of that title's mention, not a mention of its own.
  const titles = out.filter((m) => m.kind === 'title');
  for (const h of kept) {
    let start = runStart(text, h.at, MAX_MENTION - h.suffix.length);
    start += ENUMERATOR.exec(text.slice(start, h.at))?.[0].length ?? 0;
    if (titles.some((t) => t.normStart < start && h.end < t.normEnd)) continue;
    out.push(mention('phrase', start, h.end, h.suffix));
  }

  return out.sort((a, b) => a.normStart - b.normStart || a.normEnd - b.normEnd);
}

// ---------------------------------------------------------------------------------------------
// Coverage

interface NameRow {
  key: string;
  entityId: string;
  kind: string;
  name: string;
  docs: ReadonlySet<string>;
}

const BARE_SUFFIXES = new Set<string>(MENTION_SUFFIXES);

/**
 * Whether an ignore entry decides a mention (both as name keys). An entry matches as a suffix
 * of the mention ("重点项目" covers "抓好重点项目"), except a bare suffix (项目, 园区, 平台 …),
 * which matches only the bare word: otherwise it would cover every mention with that ending,
 * named projects and parks included, so each generic use needs its own entry ("狠抓项目").
 */
/**
 * A list's tail, "…、硬质合金等项目", "…海联厨业厨房用品等重点项目": the last member followed by
 * 等 (and 重点 / 重大 / 一批) and the suffix. The member is the name, so the mention also matches as
 * member + suffix (硬质合金项目) and as the bare member (加美味二期): no entity needs the list's
 * wording as an alias.
 */
const LIST_TAIL = /^(.{2,}?)等(?:重点|重大|一批)*$/u;
/**
 * What a list's member may be taken for: the things the suffixes name. Not a chain or a title:
 * 电子消费终端产品制造等项目 are unnamed projects of that industry, not the industry.
 */
const MEMBER_KINDS = new Set(['Park', 'Project', 'Policy']);

/** The name keys a mention can match: its own, and for a list's tail the member's (see LIST_TAIL). */
export function mentionKeys(mention: Pick<Mention, 'text' | 'suffix'>): string[] {
  const key = nameKey(mention.text);
  if (!mention.suffix) return [key];
  const suffix = nameKey(mention.suffix);
  const member = key.endsWith(suffix) ? LIST_TAIL.exec(key.slice(0, -suffix.length))?.[1] : undefined;
  return member ? [key, `${member}${suffix}`, member] : [key];
}

export const ignoreMatches = (ignoreKey: string, mentionKey: string): boolean =>
  ignoreKey.length > 0 && (BARE_SUFFIXES.has(ignoreKey) ? mentionKey === ignoreKey : mentionKey.endsWith(ignoreKey));

export function coverageReport(knowledge: Knowledge, texts: ReadonlyMap<string, SourceText>): CoverageReport {
  const names: NameRow[] = [];
  for (const e of knowledge.entities) {
    const docs = new Set(e.evidence.map((ev) => ev.doc));
    const forms = [e.name, ...e.aliases];
    const docNumber = e.kind === 'Policy' ? e.props.docNumber : undefined;
    if (typeof docNumber === 'string') forms.push(docNumber);
    for (const form of new Set(forms)) {
      const key = nameKey(form);
      if ([...key].length >= MIN_NAME) names.push({ key, entityId: e.id, kind: e.kind, name: form, docs });
    }
  }

  const documents: DocumentCoverage[] = [];
  for (const doc of knowledge.documents) {
    const text = texts.get(doc.id);
    if (!text) throw new Error(`coverage: no text for ${doc.id} (${doc.file})`);
    const ignores = (knowledge.ignores.get(doc.id) ?? []).map((entry) => ({ entry, key: nameKey(entry.text) }));
    const used = new Set<IgnoreEntry>();
    const items: ClassifiedMention[] = extractMentions(text).map((m) => {
      const [key, ...memberKeys] = mentionKeys(m) as [string, ...string[]];
      // The most specific (longest) matching name or ignore entry decides; on equal length an
      // entity of this document beats an ignore entry, which beats another document's entity
      // (so "省级重点主平台", ignored in 000, is not taken for 003's "主平台").
      const entity = names
        .filter((n) => key.endsWith(n.key) || (MEMBER_KINDS.has(n.kind) && memberKeys.some((k) => k.endsWith(n.key))))
        .map((n) => ({ n, rank: n.key.length * 3 + (n.docs.has(doc.id) ? 2 : 0) }))
        .sort((a, b) => b.rank - a.rank || (a.n.entityId < b.n.entityId ? -1 : 1))[0];
      const matching = ignores.filter((i) => ignoreMatches(i.key, key));
      const ignore = matching.reduce<(typeof matching)[number] | undefined>(
        (a, b) => (!a || b.key.length > a.key.length ? b : a),
        undefined,
      );
      if (entity && (!ignore || entity.rank > ignore.key.length * 3 + 1)) {
        return {
          ...m,
          status: 'mapped',
          entityId: entity.n.entityId,
          name: entity.n.name,
          inDocument: entity.n.docs.has(doc.id),
        };
      }
      if (!ignore) return { ...m, status: 'uncovered' };
      for (const i of matching) used.add(i.entry);
      return { ...m, status: 'ignored', ignore: ignore.entry };
    });
    documents.push({
      docId: doc.id,
      file: doc.file,
      ...figures(items),
      items,
      staleIgnores: ignores.map((i) => i.entry).filter((e) => !used.has(e)),
    });
  }
  return { documents, totals: figures(documents.flatMap((d) => d.items)) };
}

function figures(items: ClassifiedMention[]): CoverageFigures {
  const count = (status: ClassifiedMention['status']) => items.filter((i) => i.status === status).length;
  const mentions = items.length;
  const mapped = count('mapped');
  const ignored = count('ignored');
  const uncovered = count('uncovered');
  return {
    mentions,
    mapped,
    ignored,
    uncovered,
    coveragePct: mentions === 0 ? 100 : Math.round(((mapped + ignored) / mentions) * 1000) / 10,
  };
}

/** The report as printable lines: figures per document and in total, uncovered mentions, stale ignores. */
export function formatCoverage(report: CoverageReport): string[] {
  const row = (label: string, f: CoverageFigures) =>
    `  ${label.padEnd(8)} ${String(f.mentions).padStart(8)} ${String(f.mapped).padStart(7)} ${String(f.ignored).padStart(8)} ${String(f.uncovered).padStart(10)} ${f.coveragePct.toFixed(1).padStart(9)}%`;
  const lines = ['coverage:', `  ${'document'.padEnd(8)} mentions  mapped  ignored  uncovered  coverage`];
  for (const d of report.documents) lines.push(row(d.docId, d));
  lines.push(row('total', report.totals));
  const uncovered = report.documents.flatMap((d) =>
    d.items.filter((i) => i.status === 'uncovered').map((i) => ({ doc: d.docId, i })),
  );
  if (uncovered.length) {
    lines.push(
      `uncovered mentions (${uncovered.length}): map them to an entity (name or alias) or add an ignore entry with a reason`,
    );
    for (const { doc, i } of uncovered)
      lines.push(
        `  ${doc} [${i.start},${i.end}) ${i.kind}: ${i.original.replace(/\s+/g, ' ')}${i.original !== i.text ? `  (${i.text})` : ''}`,
      );
  }
  const foreign = report.documents.flatMap((d) =>
    d.items.flatMap((i) => (i.status === 'mapped' && !i.inDocument ? [{ doc: d.docId, i }] : [])),
  );
  if (foreign.length) {
    lines.push(
      `note: ${foreign.length} mentions are mapped only through an entity without evidence from that document (add evidence, or an ignore entry if the match is wrong):`,
    );
    for (const { doc, i } of foreign)
      lines.push(`  ${doc} [${i.start},${i.end}) ${i.text} -> ${i.entityId} (${i.name})`);
  }
  const stale = report.documents.flatMap((d) => d.staleIgnores.map((e) => ({ doc: d.docId, e })));
  if (stale.length) {
    lines.push(
      `warning: ${stale.length} ignore entries decide no mention (stale, or every mention they match is mapped to an entity):`,
    );
    for (const { doc, e } of stale) lines.push(`  ${doc} ignore "${e.text}"`);
  }
  return lines;
}
