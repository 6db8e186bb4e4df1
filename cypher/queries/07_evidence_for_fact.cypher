// 标题: 一条事实的原文证据
// Title: Evidence for a fact
// 问题: 两个实体之间的关系出自哪份文档的哪句原文？
// Question: Which sentence of which document states the relationship between two entities?
// 参数: $from、$to 实体的名称、别名、英文名或 id（两个方向都查），如 '中南钢铁'、'绿色钢铁'。
// Parameters: $from, $to an entity's name, alias, English name or id (both directions are searched), e.g. '中南钢铁', '绿色钢铁'.
// 返回: 每条证据一行：主语、关系类型、宾语、关系属性（如 role、mode）、原文引文（不超过 50 字）、文档标题、发布者、日期、引文在原文中的字符位置 [start, end)。
// Returns: one row per piece of evidence: subject, relationship type, object, the relationship's properties (role, mode …), the quote (at most 50 characters), the document's title, publisher and date, and the quote's character offsets [start, end) in the original text.
// 说明: 证据以平行列表存于关系上：evidenceDocs[i]、evidenceQuotes[i]、evidenceStarts[i]、evidenceEnds[i] 属于同一条证据。多份文档对该事实的状态说法不同时，status 取最新文档的，各文档的说法以 'status in doc:…' 列出。文档默认而未写明的事实（行政区划）没有证据，而有 basis: 'world-knowledge' 和 reason，返回一行、引文为空。
// Notes: evidence is stored on the relationship as parallel lists: evidenceDocs[i], evidenceQuotes[i], evidenceStarts[i] and evidenceEnds[i] describe one piece of evidence. When documents give the fact different statuses, status is the latest document's and each document's reading is listed as 'status in doc:…'. A fact the documents take for granted (an administrative division) has no evidence but basis: 'world-knowledge' and a reason; it gets one row without a quote.

:param from => '中南钢铁';
:param to => '绿色钢铁';

MATCH (a:Entity)
WHERE $from IN [a.id, a.name] + a.aliases OR toLower(replace($from, ' ', '')) IN a.nameKeys
MATCH (a)-[r]-(b:Entity)
WHERE ($to IN [b.id, b.name] + b.aliases OR toLower(replace($to, ' ', '')) IN b.nameKeys)
  AND NOT type(r) IN ['MENTIONED_IN', 'DESCRIBES']
WITH DISTINCT r, coalesce(r.evidenceDocs, []) AS docs
UNWIND CASE WHEN size(docs) = 0 THEN [null] ELSE range(0, size(docs) - 1) END AS i
OPTIONAL MATCH (d:Document)
WHERE d.id = docs[i]
RETURN startNode(r).name AS subject, type(r) AS relationship, endNode(r).name AS object,
       [k IN keys(r) WHERE NOT k STARTS WITH 'evidence' AND NOT k IN ['statusDocs', 'statuses'] | k + ': ' + toString(r[k])] +
       [i IN range(0, size(coalesce(r.statuses, [])) - 1) | 'status in ' + r.statusDocs[i] + ': ' + r.statuses[i]] AS properties,
       r.evidenceQuotes[i] AS quote, d.title AS document, d.publisher AS publisher, d.date AS date,
       [r.evidenceStarts[i], r.evidenceEnds[i]] AS span, docs[i] AS documentId
ORDER BY relationship, documentId, span;
