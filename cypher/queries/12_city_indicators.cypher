// 标题: 城市的统计指标
// Title: A city's indicators
// 问题: 文档给出了一个城市（含其区县、园区、企业和该市的产业链）的哪些数字？
// Question: Which figures do the documents give for a city (with its districts, parks, enterprises and its chains)?
// 参数: $city 城市的名称、别名、英文名或 id，如 '郴州'、'阳江'、'city:shaoguan'。
// Parameters: $city a city's name, alias, English name or id, e.g. '郴州', '阳江', 'city:shaoguan'.
// 返回: 每个指标一行：对象、对象类别、指标、数值、单位、年份、期间、同比增长（%）、原文引文。
// Returns: one row per indicator: subject, subject kind, metric, value, unit, year, period, growth (%) and the quote.
// 说明: 产业链不属于任何城市；产业链的指标在其证据文档描述该市时计入。
// Notes: chains belong to no city; a chain's indicator counts for the city its evidence document DESCRIBES.

:param city => '郴州';

MATCH (top:City)
WHERE $city IN [top.id, top.name] + top.aliases OR toLower(replace($city, ' ', '')) IN top.nameKeys
MATCH (s:Entity)-[:HAS_INDICATOR]->(i:Indicator)
WHERE EXISTS { MATCH (s)-[:LOCATED_IN|IN_PARK|PART_OF*0..5]->(top) }
   OR (s:IndustryChain
       AND EXISTS { MATCH (d:Document)-[:DESCRIBES]->(:City)-[:PART_OF*0..3]->(top) WHERE d.id IN i.evidenceDocs })
RETURN s.name AS subject, s.kind AS subjectKind, i.metric AS metric, i.value AS value, i.unit AS unit,
       i.year AS year, i.period AS period, i.growthPct AS growthPct, i.evidenceQuotes[0] AS quote, i.id AS id
ORDER BY subjectKind, subject, metric, year;
