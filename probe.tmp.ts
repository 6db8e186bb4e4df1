import { lintCypherQuery, testData, parseStatementsStrs } from '@neo4j-cypher/language-support';
import { readFileSync } from 'node:fs';
import { splitCypherScript } from './src/store/cypher-script.js';
const schema = { defaultLanguage: 'CYPHER 5' as const };
const st = splitCypherScript(readFileSync('cypher/100_shaoguan.cypher', 'utf8'));
const times: [number, number][] = [];
for (const x of st.slice(0, 120)) { const t = performance.now(); lintCypherQuery(x.text, schema, { consoleCommandsEnabled: false }); times.push([performance.now() - t, x.text.length]); }
console.log(times.map(([a,b]) => `${a.toFixed(0)}/${b}`).join(' '));
let t = performance.now(); for (const x of st.slice(0, 120)) parseStatementsStrs(x.text); console.log('parse only', performance.now() - t);
t = performance.now(); lintCypherQuery(st.slice(0,120).map(x=>x.text).join(';\n'), schema, { consoleCommandsEnabled: false }); console.log('batched', performance.now() - t);
