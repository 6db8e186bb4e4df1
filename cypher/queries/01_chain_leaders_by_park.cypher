// 标题: 链主企业与园区
// Title: Chain leaders by park
// 问题: 一个城市（含下辖区县）有哪些产业链链主/龙头企业？它们锚定哪些园区？
// Question: Which chain-leading enterprises does a city (with its districts and counties) have, and which parks do they anchor?
// 参数: $city 城市的名称、别名、英文名或 id，如 '肇庆'、'肇慶'、'Zhaoqing'、'city:zhaoqing'。
// Parameters: $city a city's name, alias, English name or id, e.g. '肇庆', '肇慶', 'Zhaoqing', 'city:zhaoqing'.
// 返回: 每个（园区、产业链、链主）一行：园区、产业链、链主、角色（龙头/链主）、锚定方式（企业入驻园区 IN_PARK，或园区发展该链 HAS_INDUSTRY）、LEADS_CHAIN 的原文证据。没有锚定园区的链主也列出，园区为空。
// Returns: one row per (park, chain, leader): park, chain, leader, role (龙头/链主), how the leader anchors the park (the leader is IN_PARK, or the park HAS_INDUSTRY the chain), and the LEADS_CHAIN evidence quote. Leaders with no anchor park are listed with an empty park.
// 说明: 链主所在城市 = 它自己或其园区所在的城市，加上 LEADS_CHAIN 证据文档所描述的城市；锚定园区 = 它入驻的园区，加上这些城市中发展该产业链的园区。
// Notes: a leader's cities are its own and its parks' cities, plus the city each LEADS_CHAIN evidence document DESCRIBES; its anchor parks are the parks it is IN_PARK plus the parks in those cities that HAS_INDUSTRY the chain.

:param city => '肇庆';

MATCH (top:City)
WHERE $city IN [top.id, top.name] + top.aliases OR toLower(replace($city, ' ', '')) IN top.nameKeys
MATCH (place:City)-[:PART_OF*0..3]->(top)
WITH collect(DISTINCT place.id) AS wanted
MATCH (e:Enterprise)-[l:LEADS_CHAIN]->(c:IndustryChain)
OPTIONAL MATCH (e)-[:IN_PARK|PART_OF*0..2]->(:Entity)-[:LOCATED_IN]->(home:City)
WHERE home.level <> 'province'
WITH wanted, e, l, c, collect(DISTINCT home.id) AS statedHomes
OPTIONAL MATCH (d:Document)-[:DESCRIBES]->(dc:City)
WHERE d.id IN l.evidenceDocs
WITH wanted, e, l, c, statedHomes, collect(DISTINCT dc.id) AS docHomes
WITH wanted, e, l, c, statedHomes + docHomes AS homes
WHERE any(h IN homes WHERE h IN wanted)
OPTIONAL MATCH (e)-[:IN_PARK]->(own:Park)
WITH e, l, c, homes, collect(DISTINCT own) AS ownParks
OPTIONAL MATCH (host:Park)-[:HAS_INDUSTRY]->(c)
OPTIONAL MATCH (host)-[:LOCATED_IN|IN_PARK|PART_OF*1..4]->(hostCity:City)
WHERE hostCity.id IN homes
WITH e, l, c, ownParks, collect(DISTINCT CASE WHEN hostCity IS NULL THEN null ELSE host END) AS hostParks
WITH e, l, c, ownParks, [o IN ownParks | o.id] AS ownIds, hostParks
WITH e, l, c,
     [p IN ownParks | {park: p, via: 'IN_PARK 入驻园区'}]
     + [p IN hostParks WHERE NOT p.id IN ownIds | {park: p, via: 'HAS_INDUSTRY 园区发展该链'}] AS anchors
UNWIND CASE WHEN size(anchors) = 0 THEN [{park: null, via: null}] ELSE anchors END AS anchor
WITH e, l, c, anchor.park AS p, anchor.via AS anchoredBy
RETURN p.name AS park, c.name AS chain, e.name AS leader, l.role AS role, anchoredBy,
       l.evidenceQuotes[0] AS quote, p.id AS parkId, c.id AS chainId, e.id AS leaderId
ORDER BY chain, leader, park;
