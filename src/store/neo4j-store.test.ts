/** Neo4j's full-text queries take user text literally: every Lucene operator is escaped. */
import { describe, expect, it } from 'vitest';
import { escapeLucene } from './neo4j-store.js';

describe('escapeLucene', () => {
  it('escapes every operator character, and && and ||', () => {
    expect(escapeLucene('C++ (x) [y] {z} ^2 "q" ~1 * ? : \\ / ! - && ||')).toBe(
      'C\\+\\+ \\(x\\) \\[y\\] \\{z\\} \\^2 \\"q\\" \\~1 \\* \\? \\: \\\\ \\/ \\! \\- \\&& \\||',
    );
  });

  it('lower-cases the operator words, which would otherwise combine or fail to parse', () => {
    expect(escapeLucene('AND')).toBe('and');
    expect(escapeLucene('BYD AND CATL NOT x OR y')).toBe('BYD and CATL not x or y');
    expect(escapeLucene('ANDROID ORDER NOTE')).toBe('ANDROID ORDER NOTE');
  });

  it('leaves Chinese text and plain words as they are', () => {
    expect(escapeLucene('宁德时代 CATL')).toBe('宁德时代 CATL');
  });
});
