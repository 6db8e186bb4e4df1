/** A node as the store returns it (`properties(n)`), and the evidence kept on it as parallel lists. */
export interface NodeProps {
  id: string;
  kind: string;
  name: string;
  aliases?: string[] | null;
  evidenceDocs?: string[] | null;
  evidenceQuotes?: string[] | null;
  evidenceStarts?: number[] | null;
  evidenceEnds?: number[] | null;
  [key: string]: unknown;
}

export interface EvidenceValue {
  documentId: string;
  quote: string;
  start: number;
  end: number;
}

/** Reads the parallel evidence lists of a node or relationship. */
export function evidenceOf(props: Record<string, unknown>): EvidenceValue[] {
  const docs = (props.evidenceDocs as string[] | null | undefined) ?? [];
  const quotes = (props.evidenceQuotes as string[] | undefined) ?? [];
  const starts = (props.evidenceStarts as number[] | undefined) ?? [];
  const ends = (props.evidenceEnds as number[] | undefined) ?? [];
  return docs.map((documentId, i) => ({
    documentId,
    quote: quotes[i] ?? '',
    start: starts[i] ?? 0,
    end: ends[i] ?? 0,
  }));
}

const EVIDENCE_KEYS = new Set(['evidenceDocs', 'evidenceQuotes', 'evidenceStarts', 'evidenceEnds']);
/** A relationship's own properties (role, mode …), without its evidence. */
export function relationProperties(rel: Record<string, unknown>): Array<{ key: string; value: string }> {
  return Object.entries(rel)
    .filter(([k]) => !EVIDENCE_KEYS.has(k))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => ({ key, value: Array.isArray(value) ? value.join(', ') : String(value) }));
}

/**
 * Fields that stand for the entity whose id a property the seed derives holds (derived-properties.ts):
 * a located kind's city, a city's prefecture and province. Per kind: field → property.
 */
export const DERIVED_ENTITY_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  City: { prefecture: 'prefectureId', province: 'provinceId' },
  Park: { city: 'cityId' },
  Enterprise: { city: 'cityId' },
  Project: { city: 'cityId' },
  Organization: { city: 'cityId' },
  Region: { city: 'cityId' },
};
