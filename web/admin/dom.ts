/** Small DOM helpers of the admin page: typed look-ups, the catalogue applied to the page, tables, messages. */

import { byId, translatePage as translateWith } from '../lib/dom.ts';
import { type AdminMessageKey, isMessageKey, t } from './i18n/index.ts';

export { byId, type MessageKind, setFieldError, setMessage, show } from '../lib/dom.ts';

/** Fills every `data-i18n` (text) and `data-i18n-label` (aria-label) from this page's catalogue. */
export function translatePage(root: ParentNode = document): void {
  translateWith(t, isMessageKey, root);
}

/** A new element with a class and a text (always as text: nothing from the API is ever parsed as HTML). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

export function button(label: string, className: string, onClick: () => void, ariaLabel?: string): HTMLButtonElement {
  const created = element('button', className, label);
  created.type = 'button';
  if (ariaLabel) created.setAttribute('aria-label', ariaLabel);
  created.addEventListener('click', onClick);
  return created;
}

export type Cell = string | Node;

/** A table with a caption (its accessible name), column headers, and rows of text or elements. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
): HTMLTableElement {
  const created = element('table', 'data');
  created.append(element('caption', 'visually-hidden', caption));
  const head = element('tr');
  for (const header of headers) {
    const th = element('th', '', header);
    th.scope = 'col';
    head.append(th);
  }
  created.append(element('thead'));
  created.tHead?.append(head);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    for (const cell of row) {
      const td = element('td');
      td.append(cell);
      tr.append(td);
    }
    body.append(tr);
  }
  created.append(body);
  return created;
}

/** Fills a <dl> with pairs of term and value. */
export function details(list: HTMLElement, pairs: ReadonlyArray<readonly [string, Cell]>): void {
  list.replaceChildren(
    ...pairs.flatMap(([term, value]) => {
      const dd = element('dd');
      dd.append(value);
      return [element('dt', '', term), dd];
    }),
  );
}

/** Marks a button busy (aria-disabled keeps it focusable) while `work` runs; a second click is ignored. */
export async function busy<T>(control: HTMLButtonElement | null, work: () => Promise<T>): Promise<T | undefined> {
  if (control?.getAttribute('aria-disabled') === 'true') return undefined;
  control?.setAttribute('aria-disabled', 'true');
  try {
    return await work();
  } finally {
    control?.removeAttribute('aria-disabled');
  }
}

/** Asks a yes/no question in the page's modal dialog (keyboard: Tab, Enter, Escape = no). */
export function confirmAction(question: string, yes: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm-dialog');
  byId('confirm-question').textContent = question;
  byId('confirm-yes').textContent = yes;
  dialog.returnValue = '';
  dialog.showModal();
  byId('confirm-no').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
  });
}

/** Opens a short-lived download link (a presigned URL) in a new tab: a navigation, which the CSP allows. */
export function openLink(url: string): void {
  const link = element('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.click();
}

export type { AdminMessageKey };
