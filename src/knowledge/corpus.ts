/** The source documents, read from CORPUS_DIR (outside the repo) and normalised once. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceText, type SourceText } from '../text/source-text.js';

export class Corpus {
  private readonly cache = new Map<string, Promise<SourceText>>();
  constructor(readonly dir: string) {}

  document(file: string): Promise<SourceText> {
    let doc = this.cache.get(file);
    if (!doc) {
      doc = readFile(path.join(this.dir, file), 'utf8').then(sourceText, (error: Error) => {
        throw new Error(`cannot read source document ${path.join(this.dir, file)} (set CORPUS_DIR): ${error.message}`);
      });
      this.cache.set(file, doc);
    }
    return doc;
  }
}
