/** DOM helpers every page shares: typed look-ups, a page's catalogue applied to its HTML, messages. */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return element as T;
}

/**
 * Fills every `data-i18n` (text) and `data-i18n-label` (aria-label) from a page's catalogue; run again
 * when the visitor switches language.
 */
export function translatePage<Key extends string>(
  t: (key: Key) => string,
  isKey: (key: string) => key is Key,
  root: ParentNode = document,
): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n ?? '';
    if (isKey(key)) element.textContent = t(key);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = element.dataset.i18nLabel ?? '';
    if (isKey(key)) element.setAttribute('aria-label', t(key));
  }
}

export type MessageKind = 'error' | 'info' | 'success';

/** Shows (or clears, with an empty text) a message; its kind only changes how it looks. */
export function setMessage(element: HTMLElement, text: string, kind: MessageKind = 'error'): void {
  element.textContent = text;
  element.classList.remove('error', 'info', 'success');
  if (text) element.classList.add(kind);
}

/** Marks a field invalid (or valid again) next to its message, for assistive tech. */
export function setFieldError(input: HTMLElement, message: HTMLElement, text: string): void {
  setMessage(message, text, 'error');
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}
