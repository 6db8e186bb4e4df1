// 标题: 两个实体之间的最短路径
// Title: Shortest paths between two entities
// 问题: 两个实体（企业、城市、园区、产业链……）之间怎样关联？
// Question: How are two entities (enterprises, cities, parks, chains …) connected?
// 参数: $from、$to 实体的名称、别名、英文名或 id，如 '小鹏汽车'、'风华高科'。
// Parameters: $from, $to an entity's name, alias, English name or id, e.g. '小鹏汽车', '风华高科'.
// 返回: 6 跳以内的全部最短路径（allShortestPaths），最多 25 条：路径本身（在 Browser 中显示为图）、跳数、途经实体名称、关系类型。
// Returns: every shortest path of at most 6 hops (allShortestPaths), at most 25 of them: the path itself (drawn as a graph in Browser), its length, the names along it and the relationship types.
// 说明: 路径只走事实关系，不经过文档（MENTIONED_IN、DESCRIBES）：关系类型逐一列出，两个引擎都在搜索时就排除文档边；新增关系类型时要加进列表。变长上限必须是字面量（6），不能是参数。
// Notes: paths use fact relationships only, never documents (MENTIONED_IN, DESCRIBES): the types are listed in the pattern so that both engines leave document edges out during the search (a WHERE on the path would be applied after it by the embedded engine); add any new relationship type to the list. The variable-length bound must be a literal (6), not a parameter.

:param from => '小鹏汽车';
:param to => '风华高科';

MATCH (a:Entity)
WHERE $from IN [a.id, a.name] + a.aliases OR toLower(replace($from, ' ', '')) IN a.nameKeys
MATCH (b:Entity)
WHERE ($to IN [b.id, b.name] + b.aliases OR toLower(replace($to, ' ', '')) IN b.nameKeys)
  AND b.id <> a.id
MATCH p = allShortestPaths((a)-[:PART_OF|LOCATED_IN|IN_PARK|IN_REGION|LEADS_CHAIN|PART_OF_CHAIN|HAS_INDUSTRY|OPERATES|SUBSIDIARY_OF|SUPPLIES|COOPERATES_WITH|ISSUED_BY|APPLIES_TO|IMPLEMENTS|ASSIGNS|HAS_DESIGNATION|PROPOSED_IN|ABOUT|PAIRED_WITH|HAS_INDICATOR|SETS_TARGET*..6]-(b))
RETURN p, length(p) AS hops, [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS types
LIMIT 25;
