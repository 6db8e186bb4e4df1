/** Reads the JSON the server put in the page (`<script type="application/json" id="page-config">`). */
export function pageConfig<T>(): T {
  const element = document.getElementById('page-config');
  if (!element?.textContent) throw new Error('page-config is missing from the page');
  return JSON.parse(element.textContent) as T;
}
