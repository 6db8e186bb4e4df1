// 标题: 对口帮扶与共建关系
// Title: Who is paired with whom
// 问题: 一个城市或园区（含位于其中的园区与区县）与谁结成对口帮扶、产业转移共建等关系？
// Question: With whom is a city or park (with the parks and districts inside it) paired: counterpart assistance (对口帮扶), co-built industrial-transfer parks and the like?
// 参数: $place 城市或园区的名称、别名、英文名或 id，如 '韶关'、'阳江'、'松山湖高新区'。
// Parameters: $place a city's or park's name, alias, English name or id, e.g. '韶关', '阳江', '松山湖高新区'.
// 返回: 每条 PAIRED_WITH 关系一行：一方、类别、方式（mode）、另一方、类别、原文证据及其文档。
// Returns: one row per PAIRED_WITH relationship: one side and its kind, the mode, the other side and its kind, the evidence quote and its document.

:param place => '韶关';

MATCH (place:Entity)
WHERE (place:City OR place:Park)
  AND ($place IN [place.id, place.name] + place.aliases OR toLower(replace($place, ' ', '')) IN place.nameKeys)
MATCH (a:Entity)-[r:PAIRED_WITH]->(b:Entity)
WHERE place.id IN coalesce(a.placeIds, []) + coalesce(a.parkIds, [])
   OR place.id IN coalesce(b.placeIds, []) + coalesce(b.parkIds, [])
WITH DISTINCT a, r, b
OPTIONAL MATCH (d:Document)
WHERE d.id = r.evidenceDocs[0]
RETURN a.name AS from, a.kind AS fromKind, r.mode AS mode, b.name AS to, b.kind AS toKind,
       r.evidenceQuotes[0] AS quote, d.title AS document
ORDER BY from, to;
