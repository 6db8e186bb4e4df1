/**
 * The GraphQL IDE at /graphql: GraphiQL from its npm packages, bundled and served by this
 * server, with Monaco's workers from /assets/ (GraphiQL's own setups load them from a CDN or
 * need a bundler plugin). It opens with one tab per example operation of the README.
 */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import examples from 'virtual:ide-examples';
import type { IdeConfig } from '../../ide-config.js';
import { pageConfig } from '../page-config.js';
import './ide.css';

const config = pageConfig<IdeConfig>();

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const file = config.workers[label as keyof IdeConfig['workers']] ?? config.workers.editor;
    return new Worker(file, { name: `monaco-${label}` });
  },
};

async function fetcher(
  params: unknown,
  options?: { headers?: Record<string, string> },
): Promise<Record<string, unknown>> {
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return (await response.json()) as Record<string, unknown>;
}

const logo = h(
  GraphiQL.Logo,
  null,
  h('a', { href: '/', className: 'chainatlas-ide-logo', title: 'ChainAtlas 首页 Home' }, 'ChainAtlas'),
);

createRoot(document.getElementById('graphiql')!).render(
  h(
    GraphiQL,
    {
      fetcher,
      defaultTabs: examples.map((e) => ({ query: e.query })),
      defaultEditorToolsVisibility: false,
      isHeadersEditorEnabled: true,
    },
    logo,
  ),
);
