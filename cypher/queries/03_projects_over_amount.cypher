// 标题: 城市中投资额不低于某值的项目
// Title: Projects in a city over an amount
// 问题: 一个城市（含下辖区县和园区）中，投资额不低于 N 亿元的项目有哪些？谁投资、在哪个园区、属于哪条产业链？
// Question: Which projects in a city (with its districts, counties and parks) have an investment of at least N 亿元 (100 million yuan)? Who invests, in which park, on which chain?
// 参数: $city 城市的名称、别名、英文名或 id；$minAmountYi 最低投资额，单位亿元（数字）。
// Parameters: $city a city's name, alias, English name or id; $minAmountYi the minimum amount, in 亿元 (a number).
// 返回: 每个项目一行，按投资额从高到低：项目、amountYi（亿元）、状态、年份、产能、投资方（OPERATES）、园区（IN_PARK）、产业链（PART_OF_CHAIN）、原文证据。
// Returns: one row per project, largest first: project, amountYi (亿元), status, year, capacity, investors (OPERATES), parks (IN_PARK), chains (PART_OF_CHAIN) and the evidence quotes.
// 说明: 地点规则与 API 相同（projects(filter: {city}) 与 investmentSummary）：项目在该市，指该市在其 placeIds 中，即它 LOCATED_IN 或经园区（IN_PARK、PART_OF）所在的城市及其上级（见 950_derived.cypher）。
// Notes: the API's place rule (projects(filter: {city}), investmentSummary): a project is in the city when the city is among its placeIds, the cities it is LOCATED_IN or in through its park (IN_PARK, PART_OF) and every city above them (950_derived.cypher).

:param city => '郴州';
:param minAmountYi => 100;

MATCH (top:City)
WHERE $city IN [top.id, top.name] + top.aliases OR toLower(replace($city, ' ', '')) IN top.nameKeys
MATCH (p:Project)
WHERE p.amountYi >= $minAmountYi AND top.id IN p.placeIds
OPTIONAL MATCH (investor:Entity)-[:OPERATES]->(p)
WITH p, collect(DISTINCT investor.name) AS investors
OPTIONAL MATCH (p)-[:IN_PARK]->(park:Park)
WITH p, investors, collect(DISTINCT park.name) AS parks
OPTIONAL MATCH (p)-[:PART_OF_CHAIN]->(chain:IndustryChain)
WITH p, investors, parks, collect(DISTINCT chain.name) AS chains
RETURN p.name AS project, p.amountYi AS amountYi, p.status AS status, p.year AS year, p.capacity AS capacity,
       investors, parks, chains, p.evidenceQuotes AS quotes, p.id AS id
ORDER BY amountYi DESC, project;
