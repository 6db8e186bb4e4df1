/**
 * Reads the value of a Browser `:param name => value;` line: a Cypher literal (null, boolean,
 * number, string, list or map of literals), parsed here without evaluating anything, so a query
 * file's defaults can be shown in the guide and passed to the embedded engine as parameters.
 */
import { QueryFileError } from '../errors.js';

export type CypherLiteralValue =
  null | boolean | number | string | CypherLiteralValue[] | { [key: string]: CypherLiteralValue };

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** Parses one Cypher literal; throws QueryFileError on anything else (expressions, parameters, trailing text). */
export function parseCypherLiteral(text: string): CypherLiteralValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new QueryFileError(`${what} at offset ${i} in Cypher literal ${JSON.stringify(text)}`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };

  const parseString = (): string => {
    const quote = text[i]!;
    i++;
    let out = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === quote) {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) fail('unfinished escape');
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        const mapped = ESCAPES[e!];
        if (mapped === undefined) fail(`unknown escape \\${e}`);
        out += mapped;
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    return fail('unterminated string');
  };

  const parseKey = (): string => {
    if (text[i] === '`') {
      const end = text.indexOf('`', i + 1);
      if (end === -1) fail('unterminated backtick key');
      const key = text.slice(i + 1, end);
      i = end + 1;
      return key;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!m) return fail('expected a map key');
    i += m[0].length;
    return m[0];
  };

  /** The comma-separated items after an opening bracket, up to and past `close`. */
  const items = (close: string, what: string, item: () => void): void => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === close) {
        i++;
        return;
      } else fail(`expected , or ${close} in ${what}`);
    }
  };

  const parseValue = (): CypherLiteralValue => {
    skipSpace();
    const c = text[i];
    if (c === undefined) return fail('expected a value');
    if (c === "'" || c === '"') return parseString();
    if (c === '[') {
      const list: CypherLiteralValue[] = [];
      items(']', 'a list', () => list.push(parseValue()));
      return list;
    }
    if (c === '{') {
      const map: { [key: string]: CypherLiteralValue } = {};
      items('}', 'a map', () => {
        skipSpace();
        const key = parseKey();
        skipSpace();
        if (text[i] !== ':') fail('expected : after a map key');
        i++;
        map[key] = parseValue();
      });
      return map;
    }
    const number = /^-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    const word = /^[A-Za-z]+/.exec(text.slice(i));
    if (word) {
      const lower = word[0].toLowerCase();
      if (lower === 'null' || lower === 'true' || lower === 'false') {
        i += word[0].length;
        return lower === 'null' ? null : lower === 'true';
      }
    }
    return fail('not a literal');
  };

  const value = parseValue();
  skipSpace();
  if (i !== text.length) fail('unexpected text after the literal');
  return value;
}
