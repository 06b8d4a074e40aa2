/**
 * Messages shown by key rather than by text, so that a language switch can say them again in the new
 * language (a status line, a field's error) without the page remembering each one itself.
 */

import { type MessageKind, setFieldError, setMessage } from '../lib/dom.ts';
import type { Values } from '../lib/i18n/index.ts';

interface Shown<Key> {
  readonly key: Key;
  readonly values: Values;
  readonly kind: MessageKind;
  readonly field: HTMLElement | undefined;
}

export function createMessages<Key extends string>(t: (key: Key, values?: Values) => string) {
  const shown = new Map<HTMLElement, Shown<Key>>();
  const draw = (target: HTMLElement, message: Shown<Key>) => {
    const text = t(message.key, message.values);
    if (message.field) setFieldError(message.field, target, text);
    else setMessage(target, text, message.kind);
  };
  return {
    /** Shows `key` in `target`; with `field`, also marks that field invalid (an error next to its input). */
    say(target: HTMLElement, key: Key, options: { values?: Values; kind?: MessageKind; field?: HTMLElement } = {}) {
      const message = { key, values: options.values ?? {}, kind: options.kind ?? 'error', field: options.field };
      shown.set(target, message);
      draw(target, message);
    },
    /** Empties `target` (and marks its field valid again). */
    clear(target: HTMLElement, field?: HTMLElement) {
      shown.delete(target);
      if (field) setFieldError(field, target, '');
      else setMessage(target, '');
    },
    /** Says every shown message again, in the page's current language. */
    redraw() {
      for (const [target, message] of shown) draw(target, message);
    },
  };
}
