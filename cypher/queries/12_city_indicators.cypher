// 标题: 城市的统计指标
// Title: A city's indicators
// 问题: 文档给出了一个城市（含其区县、园区、企业和该市的产业链）的哪些数字？
// Question: Which figures do the documents give for a city (with its districts, parks, enterprises and its chains)?
// 参数: $city 城市的名称、别名、英文名或 id，如 '郴州'、'阳江'、'city:shaoguan'。
// Parameters: $city a city's name, alias, English name or id, e.g. '郴州', '阳江', 'city:shaoguan'.
// 返回: 每个指标一行：对象、对象类别、指标、数值、单位、状态（actual 实际 / target 目标 / expected 预计）、年份、期间、同比增长（%）、原文引文。
// Returns: one row per indicator: subject, subject kind, metric, value, unit, status (actual / target / expected), year, period, growth (%) and the quote.
// 说明: 地点规则与 API 的 indicators(filter: {city}) 相同：指标的对象在该市或其下辖地方（i.placeIds）；产业链和称号自身的指标不属于任何地方（产业链节点为各地共用，某地的产业数字以该地为对象）。
// Notes: the place rule of the API's indicators(filter: {city}): the indicator's subject is in the city or under it (i.placeIds); a chain's or a designation's own figures belong to no place (a chain node is shared by every place; a place's industry figures have the place as subject).

:param city => '郴州';

MATCH (top:City)
WHERE $city IN [top.id, top.name] + top.aliases OR toLower(replace($city, ' ', '')) IN top.nameKeys
MATCH (s:Entity)-[:HAS_INDICATOR]->(i:Indicator)
WHERE top.id IN i.placeIds
RETURN s.name AS subject, s.kind AS subjectKind, i.metric AS metric, i.value AS value, i.unit AS unit,
       i.status AS status, i.year AS year, i.period AS period, i.growthPct AS growthPct, i.evidenceQuotes[0] AS quote, i.id AS id
ORDER BY subjectKind, subject, metric, year;
