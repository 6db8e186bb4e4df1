// 标题: 企业画像：项目、园区、产业链、配套与合作
// Title: Enterprise profile: projects, parks, chains, suppliers and partners
// 问题: 一家企业与哪些项目、园区、城市、产业链、供应商、母公司/子公司、合作方相连？
// Question: To which projects, parks, cities, chains, suppliers, parents or subsidiaries and partners is an enterprise connected?
// 参数: $enterprise 企业的名称、别名、英文名或 id，如 '风华高科'、'ent:xpeng'。
// Parameters: $enterprise an enterprise's name, alias, English name or id, e.g. '风华高科', 'ent:xpeng'.
// 返回: 每条事实关系一行：企业、方向（→ 企业为主语，← 企业为宾语）、关系类型、对方类别、对方、角色或方式、对方的投资额（项目，亿元）、原文引文。
// Returns: one row per fact relationship: enterprise, direction (→ the enterprise is the subject, ← the object), relationship type, the other side's kind and name, role or mode, the other side's amount (projects, 亿元) and the quote.

:param enterprise => '风华高科';

MATCH (e:Enterprise)
WHERE $enterprise IN [e.id, e.name] + e.aliases OR toLower(replace($enterprise, ' ', '')) IN e.nameKeys
MATCH (e)-[r]-(x:Entity)
WHERE NOT type(r) IN ['MENTIONED_IN', 'DESCRIBES']
RETURN e.name AS enterprise, CASE WHEN startNode(r).id = e.id THEN '→' ELSE '←' END AS direction,
       type(r) AS relationship, x.kind AS kind, x.name AS other, coalesce(r.role, r.mode) AS role,
       x.amountYi AS amountYi, r.evidenceQuotes[0] AS quote, x.id AS otherId
ORDER BY enterprise, relationship, direction, other;
