/**
 * A source document in two forms: the original text, exactly as the file holds it, and a
 * normalised text (Simplified, pinyin annotations and known mojibake removed, widths folded)
 * with a map from every normalised character back to its span in the original. Evidence is
 * found in either form and always stored as original offsets.
 */
import { normalizeText } from './chinese.js';

/**
 * Mojibake in document 002 (UTF-8 read as GBK and back): the garbled span and the text it
 * stands for, established by reading the surrounding sentence.
 */
const MOJIBAKE_REPAIRS: ReadonlyArray<readonly [garbled: string, meant: string]> = [
  ['?。ㄕ貞c)', '省(肇慶)'],
  ['?jǐn)U', '擴'],
  ['?zhǔn)钱a', '是產'],
];

/** A Han character's pinyin annotation as document 002 writes it: `產(chǎn)`. */
const PINYIN_ANNOTATION = /^\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]+\)/;
const HAN = /\p{Script=Han}/u;

export interface SourceText {
  original: string;
  normalized: string;
  /** For normalised character i: the original span [start[i], end[i]). */
  start: Int32Array;
  end: Int32Array;
}

export function sourceText(original: string): SourceText {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < original.length;) {
    const repair = MOJIBAKE_REPAIRS.find(([garbled]) => original.startsWith(garbled, i));
    if (repair) {
      const [garbled, meant] = repair;
      for (let k = 0; k < meant.length; k++) {
        out += meant[k];
        start.push(i);
        end.push(i + garbled.length);
      }
      i += garbled.length;
      continue;
    }
    const c = original[i]!;
    const annotation = HAN.test(c) ? PINYIN_ANNOTATION.exec(original.slice(i + 1, i + 16)) : null;
    const span = 1 + (annotation ? annotation[0].length : 0);
    out += c;
    start.push(i);
    end.push(i + span);
    i += span;
  }
  return { original, normalized: normalizeText(out), start: Int32Array.from(start), end: Int32Array.from(end) };
}

export type Located = { start: number; end: number; count: number };

/**
 * Finds `quote` in the document: verbatim in the original first, otherwise in normalised form.
 * Returns the original span of the first occurrence and how many occurrences there are.
 */
export function locate(doc: SourceText, quote: string): Located | undefined {
  const raw = allIndexes(doc.original, quote);
  if (raw.length > 0) return { start: raw[0]!, end: raw[0]! + quote.length, count: raw.length };
  const needle = normalizeText(quote);
  const found = allIndexes(doc.normalized, needle);
  if (found.length === 0) return undefined;
  const first = found[0]!;
  return { start: doc.start[first]!, end: doc.end[first + needle.length - 1]!, count: found.length };
}

function allIndexes(haystack: string, needle: string): number[] {
  const hits: number[] = [];
  if (!needle) return hits;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) hits.push(i);
  return hits;
}
