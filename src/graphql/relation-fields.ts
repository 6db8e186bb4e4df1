/**
 * Which relationship each typed field follows. One table drives every such resolver, and a
 * test checks it against the SDL, so a field cannot silently follow the wrong relationship.
 */
import type { RelationSpec } from './context.js';

export interface RelationField extends RelationSpec {
  /** The field returns one entity (the first), not a list. */
  single?: boolean;
}

const out = (types: string[], kinds?: string[], single = false): RelationField => ({
  types,
  direction: 'OUT',
  kinds,
  single,
});
const inc = (types: string[], kinds?: string[]): RelationField => ({ types, direction: 'IN', kinds });
const both = (types: string[], kinds?: string[]): RelationField => ({ types, direction: 'BOTH', kinds });

const cityOf = out(['LOCATED_IN'], ['City'], true);
const targetedBy = inc(['APPLIES_TO'], ['Policy']);
const indicators = out(['HAS_INDICATOR'], ['Indicator']);

export const RELATION_FIELDS: Record<string, Record<string, RelationField>> = {
  City: {
    parent: out(['PART_OF'], ['City'], true),
    children: inc(['PART_OF'], ['City']),
    parks: inc(['LOCATED_IN'], ['Park']),
    enterprises: inc(['LOCATED_IN'], ['Enterprise']),
    projects: inc(['LOCATED_IN'], ['Project']),
    organizations: inc(['LOCATED_IN'], ['Organization']),
    industries: out(['HAS_INDUSTRY'], ['IndustryChain']),
    pairedWith: both(['PAIRED_WITH']),
    policies: targetedBy,
    issuedPolicies: inc(['ISSUED_BY'], ['Policy']),
    indicators,
  },
  Park: {
    city: cityOf,
    parentParks: out(['PART_OF', 'IN_PARK'], ['Park']),
    subParks: inc(['PART_OF', 'IN_PARK'], ['Park']),
    enterprises: inc(['IN_PARK'], ['Enterprise']),
    projects: inc(['IN_PARK'], ['Project']),
    organizations: inc(['IN_PARK'], ['Organization']),
    industries: out(['HAS_INDUSTRY'], ['IndustryChain']),
    pairedWith: both(['PAIRED_WITH']),
    policies: targetedBy,
    indicators,
  },
  Enterprise: {
    city: cityOf,
    parks: out(['IN_PARK'], ['Park']),
    leadsChains: out(['LEADS_CHAIN'], ['IndustryChain']),
    chains: out(['PART_OF_CHAIN', 'LEADS_CHAIN'], ['IndustryChain']),
    projects: out(['OPERATES'], ['Project']),
    parent: out(['SUBSIDIARY_OF'], ['Enterprise'], true),
    subsidiaries: inc(['SUBSIDIARY_OF'], ['Enterprise']),
    supplies: out(['SUPPLIES'], ['Enterprise']),
    suppliers: inc(['SUPPLIES']),
    partners: both(['COOPERATES_WITH']),
    policies: targetedBy,
    indicators,
  },
  Project: {
    operators: inc(['OPERATES']),
    city: cityOf,
    parks: out(['IN_PARK'], ['Park']),
    chains: out(['PART_OF_CHAIN'], ['IndustryChain']),
    supplies: out(['SUPPLIES'], ['Enterprise']),
    policies: targetedBy,
    indicators,
  },
  IndustryChain: {
    leaders: inc(['LEADS_CHAIN'], ['Enterprise']),
    enterprises: inc(['PART_OF_CHAIN', 'LEADS_CHAIN'], ['Enterprise']),
    projects: inc(['PART_OF_CHAIN'], ['Project']),
    places: inc(['HAS_INDUSTRY']),
    parentChains: out(['PART_OF'], ['IndustryChain']),
    subChains: inc(['PART_OF'], ['IndustryChain']),
    policies: targetedBy,
    indicators,
  },
  Policy: {
    issuers: out(['ISSUED_BY']),
    targets: out(['APPLIES_TO']),
    implements: out(['IMPLEMENTS'], ['Policy']),
    implementedBy: inc(['IMPLEMENTS'], ['Policy']),
    partOf: out(['PART_OF'], ['Policy']),
    parts: inc(['PART_OF'], ['Policy']),
    assignees: out(['ASSIGNS']),
  },
  Organization: {
    city: cityOf,
    parks: out(['IN_PARK'], ['Park']),
    parent: out(['PART_OF'], ['Organization'], true),
    units: inc(['PART_OF'], ['Organization']),
    projects: out(['OPERATES'], ['Project']),
    issuedPolicies: inc(['ISSUED_BY'], ['Policy']),
    assignedBy: inc(['ASSIGNS'], ['Policy']),
    partners: both(['COOPERATES_WITH']),
    policies: targetedBy,
  },
  Indicator: {
    subject: { ...inc(['HAS_INDICATOR']), single: true },
  },
  Region: {
    city: cityOf,
    members: inc(['IN_REGION']),
    industries: out(['HAS_INDUSTRY'], ['IndustryChain']),
    policies: targetedBy,
  },
  Designation: {
    holders: inc(['HAS_DESIGNATION']),
    issuers: out(['ISSUED_BY']),
    indicators,
  },
  Report: {
    issuers: out(['ISSUED_BY']),
    subjects: out(['ABOUT']),
    proposes: inc(['PROPOSED_IN']),
    implementedBy: inc(['IMPLEMENTS'], ['Policy']),
  },
  Document: {
    city: out(['DESCRIBES'], ['City'], true),
  },
};
