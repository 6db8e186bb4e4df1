/**
 * One plain-JS value model for both engines, so resolvers never see engine types:
 * integers are numbers (bigint only beyond 2^53, as Grafeo returns them), temporal values are
 * ISO-8601 strings, nodes/relationships/paths are maps shaped as Grafeo returns them
 * (`{_id, _labels, ...props}`, `{_id, _type, _source, _target, ...props}`, `{nodes, edges}`).
 */
import neo4j from 'neo4j-driver';

const {
  isInt,
  isNode,
  isRelationship,
  isPath,
  isDate,
  isDateTime,
  isLocalDateTime,
  isTime,
  isLocalTime,
  isDuration,
  isPoint,
} = neo4j;

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value !== 'object') return value;
  // Lists and plain maps first: most values are, and engine types are class instances, never plain.
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toBigInt();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value)) return { srid: toPlain(value.srid), x: value.x, y: value.y, z: value.z ?? null };
  if (isNode(value)) return { _id: value.elementId, _labels: [...value.labels], ...plainMap(value.properties) };
  if (isRelationship(value)) {
    return {
      _id: value.elementId,
      _type: value.type,
      _source: value.startNodeElementId,
      _target: value.endNodeElementId,
      ...plainMap(value.properties),
    };
  }
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)];
    return { nodes: nodes.map(toPlain), edges: value.segments.map((s) => toPlain(s.relationship)) };
  }
  // The embedded engine returns a local date-time (no zone) as a Date: written as Neo4j writes a
  // LocalDateTime, without a zone, and fractions of a second in nanoseconds.
  if (value instanceof Date) return localDateTime(value);
  if (value instanceof Float32Array || value instanceof Float64Array) return Array.from(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return plainMap(value as Record<string, unknown>);
}

function localDateTime(date: Date): string {
  const iso = date.toISOString().slice(0, 19);
  const ms = date.getUTCMilliseconds();
  return ms ? `${iso}.${String(ms * 1_000_000).padStart(9, '0')}` : iso;
}

function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) out[k] = toPlain(v);
  return out;
}

/**
 * Parameters for Neo4j: whole JS numbers become Integers, as Cypher needs for SKIP/LIMIT and
 * integer comparisons; other numbers stay floats. Nested lists and maps are converted too.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (typeof value === 'bigint') return neo4j.int(value.toString());
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}
