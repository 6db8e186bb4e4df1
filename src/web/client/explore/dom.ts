/** Builds DOM nodes from values, never from HTML strings: names and quotes come from the data. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h(tag: string, attrs: Attrs = {}, ...children: Array<Child | Child[]>): HTMLElement {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.replace(/^on/, ''), value);
    else if (key === 'style') element.style.cssText = String(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}

/** "中文 <span class=en>English</span>" as nodes. */
export function bi(zh: string, en: string): Array<Node | string> {
  return [zh, ' ', h('span', { class: 'en', lang: 'en' }, en)];
}

/** Chinese collation (pinyin order), made once: localeCompare(…, 'zh') builds a collator per call. */
export const byChinese = new Intl.Collator('zh').compare;
