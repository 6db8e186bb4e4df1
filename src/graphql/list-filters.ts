/**
 * How each kind relates to a place, a park and a chain when a list is filtered by them: `place`
 * relationships point from the entity to the place, `fromPlace` ones from the place to it (a
 * city HAS_INDUSTRY a chain).
 */
export interface FilterRelations {
  place: string[];
  fromPlace?: string[];
  park: string[];
  chain: string[];
}

export const FILTER_RELATIONS: Record<string, FilterRelations> = {
  City: { place: [], park: [], chain: ['HAS_INDUSTRY'] },
  Park: { place: ['LOCATED_IN', 'PART_OF', 'IN_PARK'], park: ['PART_OF', 'IN_PARK'], chain: ['HAS_INDUSTRY'] },
  Enterprise: { place: ['LOCATED_IN', 'IN_PARK'], park: ['IN_PARK'], chain: ['PART_OF_CHAIN', 'LEADS_CHAIN'] },
  Project: { place: ['LOCATED_IN', 'IN_PARK'], park: ['IN_PARK'], chain: ['PART_OF_CHAIN'] },
  IndustryChain: { place: [], fromPlace: ['HAS_INDUSTRY'], park: ['HAS_INDUSTRY'], chain: ['PART_OF'] },
  Policy: { place: ['APPLIES_TO'], park: ['APPLIES_TO'], chain: ['APPLIES_TO'] },
  Region: { place: ['LOCATED_IN'], park: [], chain: ['HAS_INDUSTRY'] },
  Designation: { place: [], fromPlace: ['HAS_DESIGNATION'], park: [], chain: [] },
  Report: { place: ['ABOUT'], park: ['ABOUT'], chain: ['ABOUT'] },
  Organization: { place: ['LOCATED_IN', 'IN_PARK'], park: ['IN_PARK'], chain: [] },
  Indicator: { place: [], park: [], chain: [] },
  Document: { place: [], park: [], chain: [] },
};
