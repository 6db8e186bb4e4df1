// 标题: 产业链的成员与项目
// Title: An industry chain's members and projects
// 问题: 一条产业链（含其子链）有哪些链主、成员企业、项目，哪些城市和园区在发展它？
// Question: Which leaders, member enterprises and projects does an industry chain (with its sub-chains) have, and which cities and parks develop it?
// 参数: $chain 产业链的名称、别名、英文名或 id，如 '汽车零部件'、'auto parts'、'chain:qiche-lingbujian'。
// Parameters: $chain a chain's name, alias, English name or id, e.g. '汽车零部件', 'chain:qiche-lingbujian'.
// 返回: 每条关系一行：（子）链、关系（LEADS_CHAIN 链主 / PART_OF_CHAIN 成员 / HAS_INDUSTRY 发展地）、类别、名称、角色、投资额（亿元）、状态、投资方（OPERATES）。
// Returns: one row per relationship: the (sub-)chain, the relationship (LEADS_CHAIN leader / PART_OF_CHAIN member / HAS_INDUSTRY place developing it), kind, name, role, amount (亿元), status and investors (OPERATES).

:param chain => '汽车零部件';

MATCH (top:IndustryChain)
WHERE $chain IN [top.id, top.name] + top.aliases OR toLower(replace($chain, ' ', '')) IN top.nameKeys
MATCH (c:IndustryChain)-[:PART_OF*0..2]->(top)
MATCH (x:Entity)-[r]->(c)
WHERE type(r) IN ['LEADS_CHAIN', 'PART_OF_CHAIN', 'HAS_INDUSTRY']
OPTIONAL MATCH (investor:Entity)-[:OPERATES]->(x)
WITH c, r, x, collect(DISTINCT investor.name) AS investors
RETURN c.name AS chain, type(r) AS relationship, x.kind AS kind, x.name AS name, r.role AS role,
       x.amountYi AS amountYi, x.status AS status, investors, x.id AS id
ORDER BY chain, relationship, kind, name;
