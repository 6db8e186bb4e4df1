// 标题: 图模型：哪些类别之间有哪些关系
// Title: The graph model: which kinds each relationship type connects
// 问题: 图中有哪些（起点类别）-[关系类型]->（终点类别）组合，各有多少条，多少条带证据？
// Question: Which (kind)-[TYPE]->(kind) combinations does the graph hold, how many of each, and how many carry evidence?
// 参数: $kind 只看与某一类别相连的关系（如 'Project'）；为 null 时看全部。
// Parameters: $kind only the relationships touching one kind (e.g. 'Project'); null for all.
// 返回: 每个组合一行：起点类别、关系类型、终点类别、数量、带证据（evidenceDocs 非空）的数量，以及按 basis 分的数量：原文明说（stated）、由上下文推出（inferred）、常识（world-knowledge）。
// Returns: one row per combination: from kind, relationship type, to kind, count, how many carry evidence (a non-empty evidenceDocs), and how many are stated, inferred (from the document's context) and general knowledge (basis: 'world-knowledge').
// 说明: 每个节点有 :Entity 标签和一个类别标签（与 kind 属性相同）。事实关系带 evidenceDocs / evidenceQuotes / evidenceStarts / evidenceEnds，文档默认而未写明的行政区划关系除外（basis: 'world-knowledge'，附 reason）；MENTIONED_IN 带 quotes / starts / ends；DESCRIBES 不带证据。
// Notes: every node has the :Entity label plus one kind label (equal to its kind property). Fact relationships carry evidenceDocs / evidenceQuotes / evidenceStarts / evidenceEnds, except the administrative divisions the documents take for granted (basis: 'world-knowledge', with a reason); MENTIONED_IN carries quotes / starts / ends; DESCRIBES carries none.

:param kind => null;

MATCH (a:Entity)-[r]->(b:Entity)
WHERE $kind IS NULL OR a.kind = $kind OR b.kind = $kind
WITH a.kind AS fromKind, type(r) AS relationship, b.kind AS toKind,
     CASE WHEN size(coalesce(r.evidenceDocs, [])) > 0 THEN 1 ELSE 0 END AS evidenced,
     CASE WHEN r.basis = 'stated' THEN 1 ELSE 0 END AS stated,
     CASE WHEN r.basis = 'inferred' THEN 1 ELSE 0 END AS inferred,
     CASE WHEN r.basis = 'world-knowledge' THEN 1 ELSE 0 END AS worldKnowledge
RETURN fromKind, relationship, toKind, count(*) AS relationships, sum(evidenced) AS withEvidence,
       sum(stated) AS stated, sum(inferred) AS inferred, sum(worldKnowledge) AS fromWorldKnowledge
ORDER BY relationship, fromKind, toKind;
