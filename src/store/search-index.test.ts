import { describe, expect, it } from 'vitest';
import { searchQueryText } from './search-index.js';

describe('searchQueryText', () => {
  it('keeps a text without common bigrams as it is', () => {
    for (const text of ['宁德时代', '新能源', 'catl', '韶关 shaoguan', '钢', '有'])
      expect(searchQueryText(text)).toBe(text);
  });

  it('writes a run with common bigrams as its other bigrams, with no new bigram across the gap', () => {
    expect(searchQueryText('通湘庆半导体有限公司')).toBe('通湘 湘庆 庆半 半导 导体 体有');
    expect(searchQueryText('比亚迪股份有限公司')).toBe('比亚 亚迪 迪股');
    expect(searchQueryText('华为 有限责任公司 huawei')).toBe('华为 huawei');
  });

  it('searches a text of common bigrams only as written', () => {
    expect(searchQueryText('有限公司')).toBe('有限公司');
    expect(searchQueryText('股份有限公司 ')).toBe('股份有限公司 ');
  });
});
