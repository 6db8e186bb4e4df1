/**
 * The sentence of a source document around a quote: what a reader needs to judge a fact (the
 * quote alone is a fragment of at most 50 characters). Bounded: a run-on passage without
 * sentence marks yields at most MAX_SIDE characters on either side of the quote.
 */

/** Ends a sentence in the documents: full stops, question and exclamation marks, semicolons, line breaks. */
const SENTENCE_END = /[。！？!?；;\n\r]/;
export const MAX_SIDE = 150;

export interface SentenceSpan {
  /** The text as the document has it. */
  text: string;
  /** Offsets of `text` in the document, [start, end). */
  start: number;
  end: number;
}

/**
 * The sentence containing [start, end) of `text`: from just after the previous sentence mark to
 * the next one (included). Offsets are string indices, as the evidence offsets are.
 */
export function sentenceAround(text: string, start: number, end: number, maxSide = MAX_SIDE): SentenceSpan {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length))
    throw new RangeError(`offsets [${start}, ${end}) lie outside a text of ${text.length} characters`);
  let from = start;
  while (from > 0 && start - from < maxSide && !SENTENCE_END.test(text[from - 1]!)) from--;
  while (from < start && /\s/.test(text[from]!)) from++;
  let to = end;
  // A quote that ends on a sentence mark already holds the end of its sentence.
  if (end === start || !SENTENCE_END.test(text[end - 1]!)) {
    while (to < text.length && to - end < maxSide && !SENTENCE_END.test(text[to]!)) to++;
    if (to < text.length && to - end < maxSide && !/[\n\r]/.test(text[to]!)) to++;
  }
  return { text: text.slice(from, to), start: from, end: to };
}
