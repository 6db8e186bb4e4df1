// 标题: 城市中的企业及其项目投资
// Title: Enterprises in a city and their projects, with investment
// 问题: 一个城市（含下辖区县和园区）中有哪些企业在投资项目，项目投资额、状态、产业链如何？
// Question: Which enterprises invest in projects in a city (with its districts, counties and parks), and what are those projects' amounts, status and chains?
// 参数: $city 城市的名称、别名、英文名或 id，如 '郴州'、'Chenzhou'、'city:chenzhou'。
// Parameters: $city a city's name, alias, English name or id, e.g. '郴州', 'Chenzhou', 'city:chenzhou'.
// 返回: 每个（企业、项目）一行，按企业排序：企业、项目、投资额（亿元，未说明则为空）、状态、年份、产能、所在园区、产业链。
// Returns: one row per (enterprise, project), by enterprise: enterprise, project, amount (亿元; empty where the text gives none), status, year, capacity, parks and chains.
// 说明: 项目所在地的判定同 03（placeIds，与 API 相同）。
// Notes: a project's place is found as in query 03 (placeIds, as the API reads it).

:param city => '郴州';

MATCH (top:City)
WHERE $city IN [top.id, top.name] + top.aliases OR toLower(replace($city, ' ', '')) IN top.nameKeys
MATCH (e:Enterprise)-[:OPERATES]->(p:Project)
WHERE top.id IN p.placeIds
OPTIONAL MATCH (p)-[:IN_PARK]->(park:Park)
WITH e, p, collect(DISTINCT park.name) AS parks
OPTIONAL MATCH (p)-[:PART_OF_CHAIN]->(chain:IndustryChain)
WITH e, p, parks, collect(DISTINCT chain.name) AS chains
RETURN e.name AS enterprise, p.name AS project, p.amountYi AS amountYi, p.status AS status, p.year AS year,
       p.capacity AS capacity, parks, chains, e.id AS enterpriseId, p.id AS projectId
ORDER BY enterprise, amountYi DESC, project;
