/**
 * Short bilingual names of the kinds and relationship types, as the pages show them (中文 with
 * the English beside it). Shared by the server-rendered pages and the explorer bundle; the lists
 * themselves come from the seed schema (a test keeps both in step).
 */
export interface Label {
  zh: string;
  en: string;
}

export const KIND_LABELS: Record<string, Label> = {
  City: { zh: '城市', en: 'City' },
  Region: { zh: '区域', en: 'Region' },
  Park: { zh: '园区', en: 'Park' },
  Enterprise: { zh: '企业', en: 'Enterprise' },
  Project: { zh: '项目', en: 'Project' },
  IndustryChain: { zh: '产业链', en: 'Industry chain' },
  Policy: { zh: '政策', en: 'Policy' },
  Designation: { zh: '称号', en: 'Designation' },
  Report: { zh: '报告', en: 'Report' },
  Organization: { zh: '机构', en: 'Organisation' },
  Indicator: { zh: '指标', en: 'Indicator' },
  Document: { zh: '文档', en: 'Document' },
};

export const RELATION_LABELS: Record<string, Label> = {
  PART_OF: { zh: '隶属', en: 'part of' },
  LOCATED_IN: { zh: '位于', en: 'located in' },
  IN_PARK: { zh: '入驻园区', en: 'in park' },
  IN_REGION: { zh: '属于区域', en: 'in region' },
  LEADS_CHAIN: { zh: '链主 / 龙头', en: 'leads chain' },
  PART_OF_CHAIN: { zh: '属于产业链', en: 'in chain' },
  HAS_INDUSTRY: { zh: '发展产业', en: 'develops industry' },
  OPERATES: { zh: '投资建设', en: 'operates' },
  SUBSIDIARY_OF: { zh: '子公司', en: 'subsidiary of' },
  SUPPLIES: { zh: '配套', en: 'supplies' },
  COOPERATES_WITH: { zh: '合作', en: 'cooperates with' },
  ISSUED_BY: { zh: '发布机关', en: 'issued by' },
  APPLIES_TO: { zh: '适用对象', en: 'applies to' },
  IMPLEMENTS: { zh: '落实', en: 'implements' },
  ASSIGNS: { zh: '分工', en: 'assigns' },
  HAS_DESIGNATION: { zh: '获评 / 争创', en: 'holds or seeks designation' },
  PROPOSED_IN: { zh: '提出于', en: 'proposed in' },
  ABOUT: { zh: '报告对象', en: 'about' },
  PAIRED_WITH: { zh: '对口 / 共建', en: 'paired with' },
  HAS_INDICATOR: { zh: '指标', en: 'indicator' },
  SETS_TARGET: { zh: '设定目标', en: 'sets target' },
  MENTIONED_IN: { zh: '提及于', en: 'mentioned in' },
  DESCRIBES: { zh: '所述城市', en: 'describes' },
};

/** The basis of a fact, once the knowledge model marks it (relationship property `basis`). */
export const BASIS_LABELS: Record<string, Label> = {
  stated: { zh: '明示', en: 'stated' },
  inferred: { zh: '推断', en: 'inferred' },
  'world-knowledge': { zh: '常识', en: 'world knowledge' },
};

/** "城市 City"; an unknown key (a kind or type added later) shows as itself. */
export function bilingual(labels: Record<string, Label>, key: string): string {
  const label = labels[key];
  return label ? `${label.zh} ${label.en}` : key;
}
