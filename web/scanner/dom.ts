/** Small DOM helpers of the scanner: typed look-ups, the catalogue applied to the page, messages. */

import { translatePage as translateWith } from '../lib/dom.ts';
import { isMessageKey, t } from './i18n/index.ts';

export { byId, type MessageKind, setFieldError, setMessage, show } from '../lib/dom.ts';

/** Fills every `data-i18n` (text) and `data-i18n-label` (aria-label) from this page's catalogue. */
export function translatePage(root: ParentNode = document): void {
  translateWith(t, isMessageKey, root);
}
