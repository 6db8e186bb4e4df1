// 标题: 城市产业概况
// Title: A city's industrial profile
// 问题: 一个城市的上级、下辖区县、园区、产业链和统计指标是什么？
// Question: What are a city's parent, districts and counties, parks, industry chains and indicators?
// 参数: $city 城市的名称、别名、英文名或 id，如 '韶关'、'Shaoguan'、'city:shaoguan'。
// Parameters: $city a city's name, alias, English name or id, e.g. '韶关', 'Shaoguan', 'city:shaoguan'.
// 返回: 一行：城市、级别、上级（PART_OF）、下辖区县（PART_OF，两级以内，带级别）、园区（经 LOCATED_IN / IN_PARK / PART_OF 位于该市的园区）、该市及其区县与园区发展的产业链（HAS_INDUSTRY）、指标数（HAS_INDICATOR，明细见 12）、位于该市的企业数与项目数、描述该市的文档。
// Returns: one row: the city, its level, its parent (PART_OF), its districts and counties (PART_OF, up to two levels, with their level), its parks (every park LOCATED_IN / IN_PARK / PART_OF a place in it), the chains it, its districts and its parks develop (HAS_INDUSTRY), its number of indicators (HAS_INDICATOR; query 12 lists them), the numbers of enterprises and projects located in it, and the documents that describe it.

:param city => '韶关';

MATCH (c:City)
WHERE $city IN [c.id, c.name] + c.aliases OR toLower(replace($city, ' ', '')) IN c.nameKeys
OPTIONAL MATCH (c)-[:PART_OF]->(parent:City)
WITH c, collect(DISTINCT parent.name) AS partOf
OPTIONAL MATCH (sub:City)-[:PART_OF*1..2]->(c)
WITH c, partOf, collect(DISTINCT sub.name + ' (' + sub.level + ')') AS subdivisions
OPTIONAL MATCH (park:Park)-[:LOCATED_IN|IN_PARK|PART_OF*1..4]->(c)
WITH c, partOf, subdivisions, collect(DISTINCT park.name) AS parks
OPTIONAL MATCH (developer:Entity)-[:LOCATED_IN|IN_PARK|PART_OF*0..4]->(c)
OPTIONAL MATCH (developer)-[:HAS_INDUSTRY]->(chain:IndustryChain)
WITH c, partOf, subdivisions, parks, collect(DISTINCT chain.name) AS chains
OPTIONAL MATCH (c)-[:HAS_INDICATOR]->(i:Indicator)
WITH c, partOf, subdivisions, parks, chains, count(DISTINCT i) AS indicators
OPTIONAL MATCH (ent:Enterprise)-[:LOCATED_IN|IN_PARK|PART_OF*1..4]->(c)
WITH c, partOf, subdivisions, parks, chains, indicators, count(DISTINCT ent) AS enterprises
OPTIONAL MATCH (project:Project)-[:LOCATED_IN|IN_PARK|PART_OF*1..4]->(c)
WITH c, partOf, subdivisions, parks, chains, indicators, enterprises, count(DISTINCT project) AS projects
OPTIONAL MATCH (d:Document)-[:DESCRIBES]->(c)
WITH c, partOf, subdivisions, parks, chains, indicators, enterprises, projects, collect(DISTINCT d.title) AS documents
RETURN c.name AS city, c.id AS id, c.level AS level, c.nameEn AS nameEn, partOf, subdivisions, parks, chains,
       indicators, enterprises, projects, documents;
