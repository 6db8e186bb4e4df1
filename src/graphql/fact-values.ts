/**
 * A relationship as the API shows it: its basis, its qualifiers typed (Qualifiers in
 * schema/common.graphql) and its evidence. One reading for every place a relationship appears:
 * Relation, PathStep, Fact and a chain leadership's facts.
 */
import { DESIGNATION_STATUS_PREDICATES, FACT_STATUS_PREDICATES } from '../knowledge/seed-schema.js';
import { evidenceOf, relationProperties, type EvidenceValue, type NodeProps } from './node-props.js';

export interface QualifiersValue {
  status: string | null;
  designationStatus: string | null;
  statusHistory: Array<{ documentId: string; status: string | null; designationStatus: string | null }>;
  year: number | null;
  role: string | null;
  mode: string | null;
  tier: string | null;
  batch: string | null;
  round: string | null;
  product: string | null;
}

const takesFactStatus = new Set<string>(FACT_STATUS_PREDICATES);
const takesDesignationStatus = new Set<string>(DESIGNATION_STATUS_PREDICATES);

const text = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;

/** The qualifiers of a relationship of `type` with the properties `rel`. */
export function qualifiersOf(type: string, rel: Record<string, unknown>): QualifiersValue {
  const designation = takesDesignationStatus.has(type);
  // The model's default: a fact that takes a status and states none exists.
  const status = (value: unknown) => (takesFactStatus.has(type) ? (text(value) ?? 'existing') : null);
  const docs = (rel.statusDocs as string[] | undefined) ?? [];
  const statuses = (rel.statuses as string[] | undefined) ?? [];
  return {
    status: status(rel.status),
    designationStatus: designation ? text(rel.status) : null,
    statusHistory: docs.map((documentId, i) => ({
      documentId,
      status: status(statuses[i]),
      designationStatus: designation ? text(statuses[i]) : null,
    })),
    year: typeof rel.year === 'number' ? rel.year : null,
    role: text(rel.role),
    mode: text(rel.mode),
    tier: text(rel.tier),
    batch: text(rel.batch),
    round: text(rel.round),
    product: text(rel.product),
  };
}

export interface FactValue {
  id: string;
  type: string;
  subject: NodeProps;
  object: NodeProps;
  basis: string | null;
  reason: string | null;
  qualifiers: QualifiersValue;
  properties: Array<{ key: string; value: string }>;
  evidence: EvidenceValue[];
}

/** The key of a fact: one per type and ordered pair of ends (the build merges the rest). */
export const factId = (type: string, subject: string, object: string) => `${type}|${subject}|${object}`;

/** A fact from its type, ends and relationship properties. */
export function factOf(type: string, subject: NodeProps, object: NodeProps, rel: Record<string, unknown>): FactValue {
  return {
    id: factId(type, subject.id, object.id),
    type,
    subject,
    object,
    basis: text(rel.basis),
    reason: text(rel.reason),
    qualifiers: qualifiersOf(type, rel),
    properties: relationProperties(rel),
    evidence: evidenceOf(rel),
  };
}
