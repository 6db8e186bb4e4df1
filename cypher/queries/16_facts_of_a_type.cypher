// 标题: 某一类事实及其依据
// Title: Every fact of one type, with how it is known
// 问题: 图中某一类关系（如全部对口帮扶 PAIRED_WITH、全部收购 SUBSIDIARY_OF、全部获评称号 HAS_DESIGNATION）有哪些？各是明示、推断还是常识，限定条件和原文是什么？
// Question: Which facts of one type does the graph hold (every pairing PAIRED_WITH, every acquisition SUBSIDIARY_OF, every award HAS_DESIGNATION …)? Is each stated, inferred or world knowledge, and what are its qualifiers and quotes?
// 参数: $type 关系类型，如 'PAIRED_WITH'；$basis 依据：'stated' 明示、'inferred' 推断、'world-knowledge' 常识，null 为全部。
// Parameters: $type a relationship type, e.g. 'PAIRED_WITH'; $basis 'stated', 'inferred', 'world-knowledge', or null for all.
// 返回: 每条事实一行：主体、关系、客体、依据（basis）、推断理由（reason）、限定条件（status、mode、round、role、year …）、原文引文及其文档。
// Returns: one row per fact: subject, relationship, object, basis, the reason of an inference, the qualifiers (status, mode, round, role, year …), and the quotes with their documents.
// 说明: 与 API 的 facts(type:, basis:) 相同；对称关系（PAIRED_WITH、COOPERATES_WITH）只存一次。
// Notes: the API's facts(type:, basis:); symmetric facts (PAIRED_WITH, COOPERATES_WITH) are stored once.

:param type => 'PAIRED_WITH';
:param basis => null;

MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) = $type AND ($basis IS NULL OR r.basis = $basis)
RETURN a.name AS subject, type(r) AS relationship, b.name AS object, r.basis AS basis, r.reason AS reason,
       [k IN keys(r) WHERE NOT k STARTS WITH 'evidence' AND NOT k IN ['basis', 'reason', 'statusDocs', 'statuses'] | k + ': ' + toString(r[k])] AS qualifiers,
       r.evidenceQuotes AS quotes, r.evidenceDocs AS documents, a.id AS subjectId, b.id AS objectId
ORDER BY subjectId, objectId;
