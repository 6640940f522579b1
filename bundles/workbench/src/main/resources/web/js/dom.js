// Safe DOM building. Every text that reaches the page goes through textContent or a text node:
// crawled titles hold "<script>", "onerror=" and "javascript:" on purpose, and must show as text.
// Nothing here parses HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an element. props: class (string or array), text, attrs {name: value}, data {k: v},
 * on {event: handler}, and the DOM properties value, checked, disabled, selected, type, id,
 * name, htmlFor, title, hidden, tabIndex. Children: nodes, strings (as text), null/false (skipped),
 * or arrays of these.
 */
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements (charts, icons). */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

const PROPERTIES = ['value', 'checked', 'disabled', 'selected', 'type', 'id', 'name', 'htmlFor',
  'title', 'hidden', 'tabIndex', 'multiple', 'required', 'placeholder', 'min', 'max', 'open'];

function build(node, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) continue;
    if (key === 'class') {
      const names = Array.isArray(value) ? value.filter(Boolean) : String(value).split(/\s+/).filter(Boolean);
      node.classList.add(...names);
    } else if (key === 'text') {
      node.textContent = String(value);
    } else if (key === 'attrs') {
      for (const [name, v] of Object.entries(value)) setAttr(node, name, v);
    } else if (key === 'data') {
      for (const [name, v] of Object.entries(value)) if (v !== undefined && v !== null) node.dataset[name] = String(v);
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    } else if (PROPERTIES.includes(key)) {
      node[key] = value;
    } else {
      throw new Error('el: unknown property ' + key);
    }
  }
  append(node, children);
  return node;
}

/** Attributes only by name; event handlers, inline styles and script URLs are refused outright. */
export function setAttr(node, name, value) {
  if (value === undefined || value === null || value === false) return;
  const lower = String(name).toLowerCase();
  if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
    throw new Error('setAttr: refused attribute ' + name);
  }
  if ((lower === 'href' || lower === 'src' || lower === 'action' || lower === 'xlink:href')
      && !isSafeLocalOrHttp(String(value))) {
    throw new Error('setAttr: refused URL for ' + name);
  }
  node.setAttribute(name, value === true ? '' : String(value));
}

/** Appends children (nodes, strings as text, arrays); null, undefined and false are skipped. */
export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Replaces the children of node. */
export function replace(node, ...children) {
  clear(node);
  return append(node, children);
}

/** The URL when its scheme is http or https, else null (javascript:, data:, relative junk…). */
export function httpUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Our own links ("#/…", "/api/…", "/ui/…") or http(s) URLs. */
export function isSafeLocalOrHttp(value) {
  if (value.startsWith('#') || (value.startsWith('/') && !value.startsWith('//'))) return true;
  return httpUrl(value) !== null;
}

/**
 * A link to a crawled URL, opened without referrer or opener; a URL of any other scheme is shown as
 * plain text, never as a link.
 */
export function externalLink(url, text) {
  const safe = httpUrl(url);
  const label = text === undefined || text === null || text === '' ? String(url ?? '') : String(text);
  if (!safe) return el('span', { class: 'unsafe-url', text: label, title: String(url ?? '') });
  return el('a', { text: label, attrs: { href: safe, rel: 'noopener noreferrer', target: '_blank' }, class: 'external' });
}

/** A link inside the workbench (hash route). */
export function routeLink(hash, text, props = {}) {
  return el('a', { ...props, text, attrs: { ...(props.attrs || {}), href: hash } });
}

/**
 * Merges evidence spans [{start, end}] (UTF-16 offsets into text) into sorted, non-overlapping
 * ranges clamped to the text. A span whose offsets do not fit falls back to its quoted text.
 */
export function spanRanges(text, spans) {
  const ranges = [];
  for (const span of spans || []) {
    let start = Number(span.start);
    let end = Number(span.end);
    const quoted = typeof span.text === 'string' ? span.text : null;
    const fits = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length
      && (quoted === null || text.slice(start, end) === quoted);
    if (!fits) {
      const at = quoted ? text.indexOf(quoted) : -1;
      if (at < 0) continue;
      start = at;
      end = at + quoted.length;
    }
    ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text with its evidence spans wrapped in <mark>, as DOM nodes (never markup). */
export function highlighted(text, spans) {
  const value = text === null || text === undefined ? '' : String(text);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of spanRanges(value, spans)) {
    if (start > at) fragment.appendChild(document.createTextNode(value.slice(at, start)));
    fragment.appendChild(el('mark', { text: value.slice(start, end) }));
    at = end;
  }
  if (at < value.length) fragment.appendChild(document.createTextNode(value.slice(at)));
  return fragment;
}

/** The spans of every finding that point into one field. */
export function spansOf(listing, field) {
  return (listing.findings || []).flatMap(f => (f.spans || []).filter(s => s.field === field));
}

/** A labelled form control: <div class="field"><label for=id>…</label>control</div>. */
let fieldCounter = 0;
export function field(label, control, hint) {
  if (!control.id) control.id = 'f' + (++fieldCounter);
  return el('div', { class: 'field' },
    el('label', { htmlFor: control.id, text: label }),
    control,
    hint ? el('p', { class: 'hint', text: hint }) : null);
}

/** A <select> of [value, label] pairs. */
export function select(options, value, props = {}) {
  return el('select', props, options.map(([v, label]) =>
    el('option', { value: v, text: label, selected: v === value })));
}

/** A small definition list from [term, value-node-or-text] pairs; empty values are left out. */
export function definitions(pairs, props = {}) {
  const dl = el('dl', { class: ['facts', props.class] });
  for (const [term, value] of pairs) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    dl.append(el('dt', { text: term }), el('dd', {}, value));
  }
  return dl;
}
