/** The explorer page's script: wires the page's forms and buttons to the Explorer. */
import type { ExplorerConfig } from '../../explorer-config.js';
import { pageConfig } from '../page-config.js';
import { Explorer } from './explorer.js';
import './explore.css';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
};
const input = (id: string) => byId<HTMLInputElement>(id);

const explorer = new Explorer(pageConfig<ExplorerConfig>(), {
  main: byId('main'),
  graph: byId('graph'),
  panel: byId('panel'),
  status: byId('status'),
  results: byId('search-results'),
  visible: byId('visible-entities'),
  visibleCount: byId('visible-count'),
  legend: byId('legend'),
  searchInput: input('search-input'),
  inputs: {
    leadersCity: input('leaders-city'),
    pathFrom: input('path-from'),
    pathTo: input('path-to'),
    cityName: input('city-name'),
  },
});

const onSubmit = (id: string, run: () => unknown) =>
  byId(id).addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
onSubmit('search-form', () => explorer.search(input('search-input').value));
onSubmit('view-leaders', () => explorer.view('leaders', input('leaders-city').value.trim()));
onSubmit('view-path', () => explorer.view('path', input('path-from').value.trim(), input('path-to').value.trim()));
onSubmit('view-city', () => explorer.view('city', input('city-name').value.trim()));
byId('relayout').addEventListener('click', () => void explorer.relayout());
byId('fit').addEventListener('click', () => explorer.fit());
byId('clear').addEventListener('click', () => void explorer.clear());
window.addEventListener('popstate', () => void explorer.applyUrl());

// For people debugging in the console, and for the browser tests that click on the canvas.
(window as unknown as { chainAtlasExplorer: Explorer }).chainAtlasExplorer = explorer;
void explorer.applyUrl();
