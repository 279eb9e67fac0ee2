// Flame graph (icicle layout: the root on top) built from DOM nodes. Frame names are set with
// textContent and positions with element.style properties, so names are never parsed as markup
// and the strict CSP (style-src 'self') holds.
import { el, clear } from './dom.js';
import { fmt } from './format.js';

const ROW_PX = 18;
const MIN_FRACTION = 0.002;
const MAX_NODES = 4_000;

/** FNV-1a hash of a string, for a stable colour per frame name. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function frameColor(name) {
  const h = hash(name);
  const hue = 10 + (h % 40);
  const lightness = 45 + ((h >>> 8) % 15);
  return 'hsl(' + hue + ', 75%, ' + lightness + '%)';
}

function valueOf(node) {
  const value = Number(node && node.value);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function childrenOf(node) {
  return node && Array.isArray(node.children) ? node.children : [];
}

export class FlameGraph {
  constructor(container, caption) {
    this.container = container;
    this.caption = caption;
    this.root = null;
    this.zoom = null;
  }

  /** Shows a flame tree {name, value, children: [...]}. */
  show(tree) {
    this.root = tree;
    this.zoom = tree;
    this.draw();
  }

  draw() {
    clear(this.container);
    const zoomRoot = this.zoom;
    const total = valueOf(zoomRoot);
    if (!zoomRoot || total === 0) {
      this.caption.textContent = 'No samples.';
      this.container.style.height = '';
      return;
    }
    const nodes = [];
    let depthMax = 0;
    // breadth-first so that, when the node budget runs out, the widest (shallowest) frames are kept
    const queue = [{ node: zoomRoot, depth: 0, start: 0 }];
    for (let head = 0; head < queue.length && nodes.length < MAX_NODES; head++) {
      const item = queue[head];
      nodes.push(item);
      depthMax = Math.max(depthMax, item.depth);
      let start = item.start;
      for (const child of childrenOf(item.node)) {
        const childValue = valueOf(child);
        if (childValue / total >= MIN_FRACTION) queue.push({ node: child, depth: item.depth + 1, start });
        start += childValue;
      }
    }
    const fragment = document.createDocumentFragment();
    for (const { node, depth, start } of nodes) {
      const value = valueOf(node);
      const name = String(node.name ?? '?');
      const frame = el('div', {
        className: 'frame',
        title: name + ' — ' + fmt(value, 0) + ' samples (' + fmt((100 * value) / total, 1) + ' %)',
      });
      frame.append(el('span', { className: 'frame-label', text: name }));
      frame.style.left = ((100 * start) / total).toFixed(4) + '%';
      frame.style.width = ((100 * value) / total).toFixed(4) + '%';
      frame.style.top = depth * ROW_PX + 'px';
      frame.style.backgroundColor = frameColor(name);
      frame.addEventListener('click', () => {
        this.zoom = node === this.zoom && this.zoom !== this.root ? this.root : node;
        this.draw();
      });
      fragment.append(frame);
    }
    this.container.append(fragment);
    this.container.style.height = (depthMax + 1) * ROW_PX + 'px';
    this.container.dataset.frames = String(nodes.length);
    const zoomed = zoomRoot !== this.root;
    this.caption.textContent =
      fmt(total, 0) + ' samples' + (zoomed ? ' in ' + String(zoomRoot.name ?? '?') + ' (click it again to zoom out)' : ' · click a frame to zoom');
  }
}
