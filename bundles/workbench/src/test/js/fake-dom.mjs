// Just enough of a DOM for the helpers under test (createElement, text nodes, fragments,
// attributes, classList, dataset). Installed as globals before the modules are imported.
class FakeNode {
  constructor(kind, name) {
    this.kind = kind;
    this.nodeName = name;
    this.childNodes = [];
    this.attributes = {};
    this.dataset = {};
    this.listeners = {};
    const classes = new Set();
    this.classList = { add: (...n) => n.forEach(c => classes.add(c)), contains: c => classes.has(c),
      toggle: (c, on) => (on ? classes.add(c) : classes.delete(c)), values: () => [...classes] };
    this.data = '';
  }
  get firstChild() { return this.childNodes[0] || null; }
  appendChild(child) {
    if (child.kind === 'fragment') { child.childNodes.forEach(c => this.appendChild(c)); child.childNodes = []; return child; }
    this.childNodes.push(child);
    child.parentNode = this;
    return child;
  }
  append(...children) { children.forEach(c => this.appendChild(typeof c === 'string' ? new FakeText(c) : c)); }
  removeChild(child) { this.childNodes = this.childNodes.filter(c => c !== child); return child; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  addEventListener(event, fn) { (this.listeners[event] ||= []).push(fn); }
  set textContent(value) { this.childNodes = [new FakeText(String(value))]; }
  get textContent() { return this.kind === 'text' ? this.data : this.childNodes.map(c => c.textContent).join(''); }
}
class FakeText extends FakeNode {
  constructor(data) { super('text', '#text'); this.data = data; }
  get textContent() { return this.data; }
}

export function installFakeDom() {
  globalThis.Node = FakeNode;
  globalThis.document = {
    documentElement: new FakeNode('element', 'HTML'),
    createElement: tag => new FakeNode('element', tag.toUpperCase()),
    createElementNS: (ns, tag) => new FakeNode('element', tag),
    createTextNode: text => new FakeText(text),
    createDocumentFragment: () => new FakeNode('fragment', '#document-fragment'),
    getElementById: () => null,
  };
  const store = new Map();
  globalThis.window = { localStorage: { getItem: k => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)),
    removeItem: k => store.delete(k) } };
}
