// DOM helpers. Every piece of text that may come from data goes through textContent; this module
// never parses markup (no innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere).

/**
 * Creates an element. `props` may hold: className, text (set as textContent), title, dataset
 * (object), attrs (object of attribute name -> value, for non-style attributes), on (object of
 * event name -> listener). Children may be nodes, strings (added as text nodes), or null.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  if (props.title !== undefined && props.title !== null) node.title = String(props.title);
  if (props.dataset) {
    for (const [key, value] of Object.entries(props.dataset)) node.dataset[key] = String(value);
  }
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (name === 'style' || name.startsWith('on')) throw new Error('refusing attribute ' + name);
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (props.on) {
    for (const [type, listener] of Object.entries(props.on)) node.addEventListener(type, listener);
  }
  append(node, children);
  return node;
}

/** Appends nodes or strings (as text) to a parent, skipping null and undefined. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Replaces every child of a node. */
export function replaceChildren(node, ...children) {
  clear(node);
  return append(node, children);
}

/** The element with this id; throws when the page lacks it (a broken template, not bad data). */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error('missing element #' + id);
  return node;
}
