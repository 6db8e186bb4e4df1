// 标题: 规划设定的目标数字
// Title: The target figures a plan sets
// 问题: 一项规划或政策（按文号、名称或别名查找，如阳府〔2023〕14号）承诺了哪些目标数字？各自度量什么，哪个年份，还有哪些行动设定了同一目标？
// Question: Which target figures does a plan or policy (found by its document number, name or alias, e.g. 阳府〔2023〕14号) commit to? What does each measure, for which year, and which of its actions set the same target?
// 参数: $policy 政策的文号、名称、别名或 id，如 '阳府〔2023〕14号'、'阳江市高质量建设制造强市实施方案'、'policy:yangjiang-zhizao-qiangshi'。
// Parameters: $policy a policy's document number, name, alias or id, e.g. '阳府〔2023〕14号', 'policy:yangjiang-zhizao-qiangshi'.
// 返回: 每个目标一行，按年份和指标：政策、文号、指标、数值、单位、表述（bound：exact 恰为 / over 超过 / at-least 以上 …）、年份、期间、所度量的对象（HAS_INDICATOR）、同样设定该目标的其他政策（如规划下的行动）、原文引文。
// Returns: one row per target, by year and metric: policy, document number, metric, value, unit, bound (exact / over / at-least …), year, period, the subject it measures (HAS_INDICATOR), the other policies that set the same target (the plan's own actions), and the quote.
// 说明: 目标由 SETS_TARGET 连到设定它的政策，API 中为 Policy.targets 及其反向 Indicator.setBy。
// Notes: a target is linked by SETS_TARGET from the policy that sets it: Policy.targets in the API, and its inverse Indicator.setBy.

:param policy => '阳府〔2023〕14号';

MATCH (p:Policy)
WHERE $policy IN [p.id, p.name, p.docNumber] + p.aliases OR toLower(replace($policy, ' ', '')) IN p.nameKeys
MATCH (p)-[:SETS_TARGET]->(i:Indicator)
OPTIONAL MATCH (s:Entity)-[:HAS_INDICATOR]->(i)
OPTIONAL MATCH (other:Policy)-[:SETS_TARGET]->(i)
WHERE other.id <> p.id
WITH p, i, s, collect(DISTINCT other.name) AS alsoSetBy
RETURN p.name AS policy, p.docNumber AS docNumber, i.metric AS metric, i.value AS value, i.unit AS unit,
       i.bound AS bound, i.year AS year, i.period AS period, s.name AS subject, alsoSetBy,
       i.evidenceQuotes[0] AS quote, i.id AS id
ORDER BY year, metric, id;
