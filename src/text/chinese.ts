/**
 * Chinese text normalisation, in one place: Traditional → Simplified (OpenCC), fold
 * full-width ASCII and non-breaking spaces, and keys for matching names regardless of script,
 * width, case and spacing. Used by the seed builder, the coverage lint and search.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

// opencc-js's declarations do not resolve under NodeNext: the one function used, typed here.
const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
};
const toSimplifiedPhrases = Converter({ from: 'hk', to: 'cn' });
const toSimplifiedTw = Converter({ from: 'tw', to: 'cn' });

/** Traditional → Simplified, character for character (OpenCC phrases may change length; this never does). */
export function toSimplified(text: string): string {
  const whole = toSimplifiedTw(toSimplifiedPhrases(text));
  if (whole.length === text.length) return whole;
  return Array.from(text, (c) => {
    const s = toSimplifiedTw(toSimplifiedPhrases(c));
    return s.length === 1 ? s : c;
  }).join('');
}

/** Full-width ASCII variants (！…～) and ideographic/non-breaking spaces → their ASCII forms. */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00a0\u3000]/g, ' ');
}

/** The form names and quotes are compared in: Simplified, half-width, lower-case. Same length as the input. */
export function normalizeText(text: string): string {
  return foldWidth(toSimplified(text)).toLowerCase();
}

/** A key for "same name": normalised, without spaces and the punctuation names vary in. */
export function nameKey(text: string): string {
  return normalizeText(text).replace(/[\s·•・.,，、()（）\-–—'"“”‘’《》〈〉]/g, '');
}

/**
 * A document number (阳府〔2023〕14号) as the corpus writes it, from however a user types it: the
 * year's brackets are 〔〕 in the documents, [], (), 【】 or full-width forms as often in a query.
 */
export function docNumberKey(text: string): string {
  return normalizeText(text)
    .replace(/\s+/g, '')
    .replace(/[[(（【［]/g, '〔')
    .replace(/[\])）】］]/g, '〕');
}

/** Whether a text has the shape of a document number: an issuer's short form, 〔year〕, a number, 号. */
export const looksLikeDocNumber = (text: string): boolean =>
  /^\S{1,12}[[(（【［〔]\s*\d{4}\s*[\])）】］〕]\s*\d{1,4}\s*号$/.test(text.trim());

const HAN = /\p{Script=Han}/u;
export const hasHan = (text: string): boolean => HAN.test(text);

/** Toneless pinyin of the Han characters, joined ("shaoguanshi") and spaced ("shao guan shi"). */
export function pinyinForms(text: string): string[] {
  if (!hasHan(text)) return [];
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter(Boolean);
  if (syllables.length === 0) return [];
  return [syllables.join(''), syllables.join(' ')];
}
