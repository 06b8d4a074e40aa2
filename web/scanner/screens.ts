/**
 * One screen at a time. Showing a screen hides the others and moves the focus to its heading (or to the
 * element given, e.g. an error), so that a screen reader announces where the shopkeeper now is.
 */
import { byId } from './dom.ts';

export const SCREENS = ['loading', 'signin', 'scan', 'voucher', 'confirm', 'receipt', 'today'] as const;
export type ScreenName = (typeof SCREENS)[number];

let current: ScreenName = 'loading';
const listeners: Array<(next: ScreenName, previous: ScreenName) => void> = [];

export function currentScreen(): ScreenName {
  return current;
}

/** Called on every change of screen (the camera stops when its screen goes away). */
export function onScreenChange(listener: (next: ScreenName, previous: ScreenName) => void): void {
  listeners.push(listener);
}

export function showScreen(name: ScreenName, focus?: HTMLElement): void {
  const previous = current;
  current = name;
  for (const screen of SCREENS) byId(`screen-${screen}`).hidden = screen !== name;
  const section = byId(`screen-${name}`);
  (focus ?? section.querySelector<HTMLElement>('h1'))?.focus();
  document.body.dataset.screen = name;
  for (const listener of listeners) listener(name, previous);
}
