// 标题: 某城市或机构发布的政策及其对象
// Title: Policies a city or organisation issued, what they act on, and their targets
// 问题: 一个城市或机构（含位于该市的机构、下属机构）发布了哪些政策？政策作用于谁，设定了多少目标数字，落实哪项上级政策，由谁牵头或负责？
// Question: Which policies did a city or an organisation (with the organisations located in that city or part of that organisation) issue? What do they act on, how many target figures do they set, which policies do they implement, and who leads or carries them out?
// 参数: $issuer 城市或机构的名称、别名、英文名或 id，如 '韶关'、'韶关市人民政府'、'org:...'。
// Parameters: $issuer a city's or organisation's name, alias, English name or id, e.g. '韶关', '韶关市人民政府'.
// 返回: 每个（政策、发布者）一行：政策、发布者（ISSUED_BY）、文号、类型、发布日期、作用对象（APPLIES_TO，带类别；API 的 Policy.appliesTo）、目标数字个数（SETS_TARGET；API 的 Policy.targets，明细见 15）、所落实的政策（IMPLEMENTS）、承担任务的机构或企业（ASSIGNS，带角色：牵头/负责）。
// Returns: one row per (policy, issuer): policy, issuer (ISSUED_BY), document number, policy type, issue date, what it acts on (APPLIES_TO, with their kind; the API's Policy.appliesTo), how many target figures it sets (SETS_TARGET; the API's Policy.targets, listed by query 15), the policies it implements (IMPLEMENTS) and the bodies it assigns tasks to (ASSIGNS, with their role: 牵头 leads / 负责 responsible).

:param issuer => '韶关';

MATCH (x:Entity)
WHERE (x:City OR x:Organization)
  AND ($issuer IN [x.id, x.name] + x.aliases OR toLower(replace($issuer, ' ', '')) IN x.nameKeys)
OPTIONAL MATCH (org:Organization)-[:LOCATED_IN|PART_OF]->(x)
WITH collect(DISTINCT x.id) + collect(DISTINCT org.id) AS issuerIds
MATCH (p:Policy)-[:ISSUED_BY]->(issuer:Entity)
WHERE issuer.id IN issuerIds
OPTIONAL MATCH (p)-[:APPLIES_TO]->(object:Entity)
WITH p, issuer, collect(DISTINCT object.name + ' [' + object.kind + ']') AS appliesTo
OPTIONAL MATCH (p)-[:SETS_TARGET]->(target:Indicator)
WITH p, issuer, appliesTo, count(DISTINCT target) AS targets
OPTIONAL MATCH (p)-[:IMPLEMENTS]->(upper:Policy)
WITH p, issuer, appliesTo, targets, collect(DISTINCT upper.name) AS implements
OPTIONAL MATCH (p)-[a:ASSIGNS]->(body:Entity)
WITH p, issuer, appliesTo, targets, implements, collect(DISTINCT body.name + coalesce(' (' + a.role + ')', '')) AS assigned
RETURN p.name AS policy, issuer.name AS issuedBy, p.docNumber AS docNumber, p.policyType AS policyType,
       p.issuedDate AS issuedDate, appliesTo, targets, implements, assigned, p.id AS id
ORDER BY issuedBy, policy;
