/** What the explorer reads from the API. */

export interface EntityHead {
  id: string;
  kind: string;
  name: string;
  nameEn?: string | null;
}

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

export interface EvidenceItem {
  quote: string;
  start: number;
  end: number;
  document: { id: string; name: string };
  sentence?: SentenceSpan | null;
}

export interface Property {
  key: string;
  value: string;
}

export interface RelationItem {
  type: string;
  direction: 'OUT' | 'IN';
  properties: Property[];
  evidence: EvidenceItem[];
  node: EntityHead;
  /** Relation.basis, if the schema has the field; else read from the properties. */
  basis?: string | null;
}

export interface EntityDetail extends EntityHead {
  aliases: string[];
  evidence: EvidenceItem[];
  relations: RelationItem[];
  [property: string]: unknown;
}

/** stated / inferred / world-knowledge, wherever the schema keeps it; undefined when the data does not say. */
export function basisOf(relation: Pick<RelationItem, 'basis' | 'properties'>): string | undefined {
  const basis = relation.basis ?? relation.properties.find((p) => p.key === 'basis')?.value ?? undefined;
  // The API's Basis enum (WORLD_KNOWLEDGE) read as the graph stores it (world-knowledge), as the labels are keyed.
  return basis?.toLowerCase().replace(/_/g, '-');
}

/** The edge a relation draws, seen from `from`: one id per relationship, whichever end it was read from. */
export function edgeOf(from: string, relation: RelationItem) {
  const [source, target] = relation.direction === 'OUT' ? [from, relation.node.id] : [relation.node.id, from];
  return { id: `${source}>${relation.type}>${target}`, source, target, type: relation.type };
}
