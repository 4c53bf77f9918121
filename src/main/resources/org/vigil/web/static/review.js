// Review helpers.
//
// 1. Review queue: keyboard shortcuts over rows with class "proposal".
//    j / k   next / previous row          a   submit the row's  form[data-review="accept"]
//    r       submit form[data-review="reject"] (the browser asks for its required fields)
//    e       open [data-review="edit"]: a <details> is opened, a link followed, a form focused
//    ?       show / hide the list of shortcuts;  Esc hides it
//    Keys are ignored while typing in a field or with Ctrl/Alt/Meta held.
//
// 2. Source page: <div id="source-text" data-source-id="..."> holds the clean text as text nodes
//    and <mark data-start data-end> elements, with no other text (no indentation whitespace).
//    Selecting text inside it shows <form id="claim-from-selection" hidden> near the selection
//    and fills its inputs named start, end (UTF-16 offsets into the clean text, as Java's
//    String uses) and quote; an element with class "selection-quote" in the form shows the quote.
import { h, onReady } from './util.js';

const TEXT = 3;

/** Characters of text in node (its text-node descendants, or itself). */
export function textLength(node) {
  if (node.nodeType === TEXT) return node.nodeValue.length;
  let n = 0;
  for (const c of node.childNodes || []) n += textLength(c);
  return n;
}

/**
 * The offset into root's text of a DOM boundary point (container, offset), as Range and
 * Selection give them; null when the point is not inside root.
 */
export function textOffset(root, container, offset) {
  let count = 0;
  const visit = (node) => {
    if (node === container) {
      if (node.nodeType === TEXT) {
        count += Math.min(offset, node.nodeValue.length);
      } else {
        const kids = node.childNodes || [];
        for (let i = 0; i < offset && i < kids.length; i++) count += textLength(kids[i]);
      }
      return true;
    }
    if (node.nodeType === TEXT) {
      count += node.nodeValue.length;
      return false;
    }
    for (const c of node.childNodes || []) if (visit(c)) return true;
    return false;
  };
  return visit(root) ? count : null;
}

/** All the text in root, in order (what textContent gives, but from the same walk as offsets). */
export function fullText(root) {
  if (root.nodeType === TEXT) return root.nodeValue;
  let s = '';
  for (const c of root.childNodes || []) s += fullText(c);
  return s;
}

/**
 * The claim span of a selection between two boundary offsets (in either order) of text,
 * with surrounding white space left out: {start, end, quote}, or null when nothing is left.
 */
export function spanOf(text, a, b) {
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return null;
  return { start, end, quote: text.slice(start, end) };
}

// ---- review queue ------------------------------------------------------------------------

export const SHORTCUTS = [
  ['j', 'next proposal'],
  ['k', 'previous proposal'],
  ['a', 'accept the current proposal'],
  ['r', 'reject the current proposal'],
  ['e', 'edit the current proposal'],
  ['?', 'show or hide this help'],
];

function isTyping(target) {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
}

function helpDialog() {
  const rows = SHORTCUTS.map(([k, what]) => h('tr', null, h('th', null, h('kbd', null, k)), h('td', null, what)));
  const close = h('button', { type: 'button', class: 'button' }, 'Close');
  const dlg = h(
    'div',
    { class: 'shortcut-help', role: 'dialog', 'aria-label': 'Keyboard shortcuts', hidden: true },
    h('h2', null, 'Keyboard shortcuts'),
    h('table', null, h('tbody', null, ...rows)),
    close,
  );
  close.addEventListener('click', () => {
    dlg.hidden = true;
  });
  document.body.appendChild(dlg);
  return dlg;
}

export function initQueue() {
  let current = -1;
  let help = null;
  const rows = () => Array.from(document.querySelectorAll('.proposal'));
  const move = (delta) => {
    const all = rows();
    if (all.length === 0) return;
    if (current >= 0 && all[current]) all[current].classList.remove('is-current');
    current = current < 0 ? (delta > 0 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, current + delta));
    const row = all[current];
    row.classList.add('is-current');
    if (!row.hasAttribute('tabindex')) row.setAttribute('tabindex', '-1');
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  };
  const currentRow = () => {
    const all = rows();
    return current >= 0 && current < all.length ? all[current] : null;
  };
  const submit = (kind) => {
    const row = currentRow();
    const form = row && row.querySelector(`form[data-review="${kind}"]`);
    if (!form) return;
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  };
  const edit = () => {
    const row = currentRow();
    const target = row && row.querySelector('[data-review="edit"]');
    if (!target) return;
    const tag = target.tagName.toLowerCase();
    if (tag === 'details') target.open = true;
    if (tag === 'a') {
      target.click();
      return;
    }
    const field = target.querySelector('input:not([type="hidden"]), textarea, select');
    if (field) field.focus();
  };

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (e.key === 'Escape' && help && !help.hidden) {
      help.hidden = true;
      return;
    }
    const actions = {
      j: () => move(1),
      k: () => move(-1),
      a: () => submit('accept'),
      r: () => submit('reject'),
      e: edit,
      '?': () => {
        help = help || helpDialog();
        help.hidden = !help.hidden;
      },
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  });
}

// ---- claim from a selection ---------------------------------------------------------------

export function initSelection(root, form) {
  const field = (name) => form.querySelector(`[name="${name}"]`);
  const preview = form.querySelector('.selection-quote');
  const hide = () => {
    form.hidden = true;
  };
  const update = () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
      // a click inside the panel must not hide it
      if (!form.contains(document.activeElement)) hide();
      return;
    }
    const range = sel.getRangeAt(0);
    const a = textOffset(root, range.startContainer, range.startOffset);
    const b = textOffset(root, range.endContainer, range.endOffset);
    if (a === null || b === null) {
      hide();
      return;
    }
    const span = spanOf(fullText(root), a, b);
    if (!span) {
      hide();
      return;
    }
    field('start').value = String(span.start);
    field('end').value = String(span.end);
    field('quote').value = span.quote;
    if (preview) preview.textContent = span.quote;
    const rect = range.getBoundingClientRect();
    form.classList.add('selection-panel');
    form.style.top = `${Math.round(rect.bottom + window.scrollY + 6)}px`;
    form.style.left = `${Math.round(Math.max(8, rect.left + window.scrollX))}px`;
    form.hidden = false;
  };
  if (!field('start') || !field('end') || !field('quote')) return;
  // the panel is placed at page coordinates, so it must not sit in a positioned container
  document.body.appendChild(form);
  document.addEventListener('mouseup', (e) => {
    if (!form.contains(e.target)) setTimeout(update, 0);
  });
  document.addEventListener('keyup', (e) => {
    if (e.shiftKey || e.key === 'Shift') update();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
}

onReady(() => {
  if (document.querySelector('.proposal')) initQueue();
  const root = document.getElementById('source-text');
  const form = document.getElementById('claim-from-selection');
  if (root && form) initSelection(root, form);
});
