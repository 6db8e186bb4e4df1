/**
 * Evidence.sentence: the sentence around a quote, read from the source documents (CORPUS_DIR)
 * when the server has them. The documents stay outside the repository and the image; without
 * them the field is null and nothing else changes.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { Corpus } from '../knowledge/corpus.js';
import { sentenceAround, type SentenceSpan } from '../text/sentence.js';
import type { GraphContext } from './context.js';
import type { EvidenceValue } from './node-props.js';

export function evidenceSentenceResolvers(corpusDir: string | undefined, log?: Logger) {
  const corpus = corpusDir ? new Corpus(corpusDir) : undefined;
  let warned = false;
  return {
    Evidence: {
      sentence: async (e: EvidenceValue, _: unknown, ctx: GraphContext): Promise<SentenceSpan | null> => {
        if (!corpus) return null;
        const file = (await ctx.entity.load(e.documentId))?.file;
        // The file name comes from the graph; it names a file in CORPUS_DIR and nothing outside it.
        if (typeof file !== 'string' || path.basename(file) !== file || file.startsWith('.')) return null;
        let text: string;
        try {
          text = (await corpus.document(file)).original;
        } catch (error) {
          if (!warned) (ctx.log ?? log)?.warn({ err: error }, 'Evidence.sentence: source documents unavailable');
          warned = true;
          return null;
        }
        // A corpus that does not match the graph gives no sentence rather than a wrong one.
        if (e.end > text.length || text.slice(e.start, e.end) !== e.quote) return null;
        return sentenceAround(text, e.start, e.end);
      },
    },
  };
}
