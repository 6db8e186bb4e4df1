/**
 * Reads the GraSS stylesheet (cypher/chainatlas.grass, the one Neo4j Browser uses) into the
 * colours, sizes and captions the explorer draws with, so both show the graph alike and the
 * stylesheet stays the one home of those choices.
 */

export interface NodeStyle {
  color: string;
  borderColor: string;
  borderWidth: number;
  textColorInternal: string;
  diameter: number;
  fontSize: number;
  /** GraSS caption: `{property}` placeholders, `<id>`, `<type>`. */
  caption: string;
}

export interface RelationshipStyle {
  color: string;
  shaftWidth: number;
  fontSize: number;
  caption: string;
}

export interface GraphStyle {
  node: NodeStyle;
  nodes: Record<string, NodeStyle>;
  relationship: RelationshipStyle;
  relationships: Record<string, RelationshipStyle>;
}

export class GrassError extends Error {
  override name = 'GrassError';
}

type Declarations = Record<string, string>;

/** `selector { property: value; … }` blocks; values may be quoted and hold braces ("{name}"). */
function rules(text: string): Array<{ selector: string; decls: Declarations }> {
  const out: Array<{ selector: string; decls: Declarations }> = [];
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '');
  let i = 0;
  const fail = (what: string): never => {
    throw new GrassError(`${what} at offset ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  while (i < source.length) {
    const open = source.indexOf('{', i);
    if (open < 0) {
      if (source.slice(i).trim()) fail('text outside a block');
      break;
    }
    const selector = source.slice(i, open).trim();
    if (!/^(node|relationship)(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(selector))
      fail(`unknown selector ${JSON.stringify(selector)}`);
    const decls: Declarations = {};
    let j = open + 1;
    let current = '';
    let quote: string | null = null;
    const flush = () => {
      if (!current.trim()) return;
      const colon = current.indexOf(':');
      if (colon < 0) fail(`${selector}: expected "property: value", got ${JSON.stringify(current.trim())}`);
      decls[current.slice(0, colon).trim()] = current
        .slice(colon + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      current = '';
    };
    for (; j < source.length; j++) {
      const c = source[j]!;
      if (quote) {
        if (c === quote) quote = null;
        current += c;
      } else if (c === '"' || c === "'") {
        quote = c;
        current += c;
      } else if (c === ';') flush();
      else if (c === '}') break;
      else current += c;
    }
    if (j >= source.length) {
      i = open;
      fail(`${selector}: block not closed`);
    }
    flush();
    out.push({ selector, decls });
    i = j + 1;
  }
  return out;
}

const px = (value: string | undefined, fallback: number): number => {
  const n = value === undefined ? NaN : parseFloat(value);
  return Number.isFinite(n) ? n : fallback;
};

function nodeStyle(d: Declarations, base?: NodeStyle): NodeStyle {
  return {
    color: d['color'] ?? base?.color ?? '#A5ABB6',
    borderColor: d['border-color'] ?? base?.borderColor ?? '#9AA1AC',
    borderWidth: px(d['border-width'], base?.borderWidth ?? 2),
    textColorInternal: d['text-color-internal'] ?? base?.textColorInternal ?? '#FFFFFF',
    diameter: px(d['diameter'], base?.diameter ?? 50),
    fontSize: px(d['font-size'], base?.fontSize ?? 10),
    caption: d['caption'] ?? base?.caption ?? '{name}',
  };
}

function relationshipStyle(d: Declarations, base?: RelationshipStyle): RelationshipStyle {
  return {
    color: d['color'] ?? base?.color ?? '#A5ABB6',
    shaftWidth: px(d['shaft-width'], base?.shaftWidth ?? 1),
    fontSize: px(d['font-size'], base?.fontSize ?? 8),
    caption: d['caption'] ?? base?.caption ?? '<type>',
  };
}

/** Parses a GraSS text; throws GrassError naming the selector or text it cannot read. */
export function parseGrass(text: string): GraphStyle {
  const all = rules(text);
  const find = (selector: string) => all.find((r) => r.selector === selector)?.decls ?? {};
  const style: GraphStyle = {
    node: nodeStyle(find('node')),
    nodes: {},
    relationship: relationshipStyle(find('relationship')),
    relationships: {},
  };
  for (const { selector, decls } of all) {
    const [what, name] = selector.split('.', 2);
    if (!name) continue;
    if (what === 'node') style.nodes[name] = nodeStyle(decls, style.node);
    else style.relationships[name] = relationshipStyle(decls, style.relationship);
  }
  return style;
}
