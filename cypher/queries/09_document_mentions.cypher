// 标题: 一份文档提到了什么
// Title: What a document mentions
// 问题: 一份源文档提到了哪些实体，在哪里提到？
// Question: Which entities does a source document mention, and where?
// 参数: $document 文档 id、标题、文件名，或标题中的一段文字，如 'doc:002'、'阳江市高质量建设制造强市实施方案'。
// Parameters: $document a document's id, title, file name or part of its title, e.g. 'doc:002', '阳江市高质量建设制造强市实施方案'.
// 返回: 每个被提及的实体一行，按类别和首次出现位置排序：文档、类别、实体、id、提及次数、第一条引文及其字符位置。
// Returns: one row per mentioned entity, by kind and first position: document, kind, entity, id, number of quotes, the first quote and its character offset.
// 说明: MENTIONED_IN 关系由构建器根据证据生成，属性为平行列表 quotes / starts / ends。
// Notes: the builder derives MENTIONED_IN from the evidence; it carries the parallel lists quotes / starts / ends.

:param document => 'doc:002';

MATCH (d:Document)
WHERE $document IN [d.id, d.title, d.file] OR d.title CONTAINS $document
MATCH (n:Entity)-[m:MENTIONED_IN]->(d)
RETURN d.title AS document, n.kind AS kind, n.name AS entity, n.id AS id, size(m.quotes) AS mentions,
       m.quotes[0] AS firstQuote, m.starts[0] AS firstAt
ORDER BY document, kind, firstAt, id;
