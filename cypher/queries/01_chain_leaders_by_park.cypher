// 标题: 链主企业与园区
// Title: Chain leaders by park
// 问题: 一个城市（含下辖区县）有哪些产业链链主/龙头企业？它们锚定哪些园区？
// Question: Which chain-leading enterprises does a city (with its districts and counties) have, and which parks do they anchor?
// 参数: $city 城市的名称、别名、英文名或 id，如 '肇庆'、'肇慶'、'Zhaoqing'、'city:zhaoqing'。
// Parameters: $city a city's name, alias, English name or id, e.g. '肇庆', '肇慶', 'Zhaoqing', 'city:zhaoqing'.
// 返回: 每个（园区、产业链、链主）一行：园区、产业链、链主、角色（龙头/链主）、锚定方式（企业入驻园区 IN_PARK，或园区发展该链 HAS_INDUSTRY）、LEADS_CHAIN 的原文证据。没有锚定园区的链主也列出，园区为空。
// Returns: one row per (park, chain, leader): park, chain, leader, role (龙头/链主), how the leader anchors the park (the leader is IN_PARK, or the park HAS_INDUSTRY the chain), and the LEADS_CHAIN evidence quote. Leaders with no anchor park are listed with an empty park.
// 说明: 地点规则与 API 相同：链主在该市，指该市在其 placeIds 中（它自己或其园区所在的城市及其上级，见 950_derived.cypher）；锚定园区 = 它入驻的园区，加上其所在城市（cityId）及其下辖地方中发展该产业链的园区。
// Notes: the API's place rule: a leader is in the city when the city is among its placeIds (its own or its parks' cities and every city above them; 950_derived.cypher); its anchor parks are the parks it is IN_PARK plus the parks in or under its city (cityId) that HAS_INDUSTRY the chain.

:param city => '肇庆';

MATCH (top:City)
WHERE $city IN [top.id, top.name] + top.aliases OR toLower(replace($city, ' ', '')) IN top.nameKeys
MATCH (e:Enterprise)-[l:LEADS_CHAIN]->(c:IndustryChain)
WHERE top.id IN e.placeIds
OPTIONAL MATCH (e)-[:IN_PARK]->(own:Park)
WITH e, l, c, collect(DISTINCT own) AS ownParks
OPTIONAL MATCH (host:Park)-[:HAS_INDUSTRY]->(c)
WHERE e.cityId IN host.placeIds
WITH e, l, c, ownParks, [o IN ownParks | o.id] AS ownIds, collect(DISTINCT host) AS hostParks
WITH e, l, c,
     [p IN ownParks | {park: p, via: 'IN_PARK 入驻园区'}]
     + [p IN hostParks WHERE NOT p.id IN ownIds | {park: p, via: 'HAS_INDUSTRY 园区发展该链'}] AS anchors
UNWIND CASE WHEN size(anchors) = 0 THEN [{park: null, via: null}] ELSE anchors END AS anchor
WITH e, l, c, anchor.park AS p, anchor.via AS anchoredBy
RETURN p.name AS park, c.name AS chain, e.name AS leader, l.role AS role, anchoredBy,
       l.evidenceQuotes[0] AS quote, p.id AS parkId, c.id AS chainId, e.id AS leaderId
ORDER BY chain, leader, park;
