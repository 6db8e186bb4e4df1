// 标题: 按名称或别名查找实体
// Title: Entity lookup by any name or alias
// 问题: 一个名称（简体、繁体、简称、英文名或 id）指的是哪个实体？
// Question: Which entity does a name (Simplified, Traditional, short form, English name or id) denote?
// 参数: $name 任意名称、别名、英文名或 id，如 '肇慶'（繁体）、'Zhaoqing'、'ent:byd'。
// Parameters: $name any name, alias, English name or id, e.g. '肇慶' (Traditional), 'Zhaoqing', 'ent:byd'.
// 返回: 每个匹配的实体一行：id、类别、标签、名称、英文名、别名、匹配方式（id / name / alias / nameKey）、事实关系数、证据数、第一条引文、提及它的文档。
// Returns: one row per matching entity: id, kind, labels, name, English name, aliases, how it matched (id / name / alias / nameKey), its number of fact relationships, its number of evidence quotes, its first quote and the documents that mention it.
// 说明: nameKeys 是名称与别名的规范化形式（简体、小写、去空格和标点）；此处对参数只做小写和去空格。模糊搜索请用 GraphQL 的 search 或 Neo4j 全文索引 entity_search。
// Notes: nameKeys are the normalised names and aliases (Simplified, lower-case, without spaces and punctuation); here the parameter is only lower-cased and stripped of spaces. For fuzzy search use the GraphQL search field or Neo4j's full-text index entity_search.

:param name => '肇慶';

MATCH (n:Entity)
WHERE $name IN [n.id, n.name] + n.aliases OR toLower(replace($name, ' ', '')) IN n.nameKeys
OPTIONAL MATCH (n)-[:MENTIONED_IN]->(d:Document)
WITH n, collect(DISTINCT d.title) AS documents
OPTIONAL MATCH (n)-[r]-(:Entity)
WHERE NOT type(r) IN ['MENTIONED_IN', 'DESCRIBES']
WITH n, documents, count(r) AS relationships
RETURN n.id AS id, n.kind AS kind, labels(n) AS labels, n.name AS name, n.nameEn AS nameEn, n.aliases AS aliases,
       CASE WHEN n.id = $name THEN 'id' WHEN n.name = $name THEN 'name' WHEN $name IN n.aliases THEN 'alias' ELSE 'nameKey' END AS matchedBy,
       relationships, size(n.evidenceQuotes) AS evidence, n.evidenceQuotes[0] AS firstQuote, documents
ORDER BY kind, id;
