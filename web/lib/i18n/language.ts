/**
 * The page's language, the same way on every page: a choice the visitor made (kept in localStorage under
 * `language`) wins, else the phone's languages, else the page's own `<html lang>`; plus the FR/NL/DE switch.
 *
 * Use, in a page's main.ts (catalogues per language, see ./index.ts `createTranslator`):
 *   const language = chooseLanguage(LANGUAGES);      // also sets <html lang>, which t() reads
 *   mountLanguageSwitch(byId('languages'), LANGUAGES, (next) => { retranslate the page });
 * The switch calls rememberLanguage(next) itself (kept, and <html lang> set) before onChange.
 */
import { pageLanguage } from './index.ts';

/** The localStorage key, shared by every page of the site (one origin): a choice made on one page holds on the others. */
export const LANGUAGE_STORAGE_KEY = 'language';

/** Each language named in itself, so a visitor finds theirs whatever the page currently shows. */
const NATIVE_NAMES: Readonly<Record<string, string>> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch' };

/** The switch's group label, in the three languages (it must make sense before the right one is chosen). */
const SWITCH_LABEL = 'Langue, Taal, Sprache';

/**
 * The decision itself, pure (unit-tested): the stored choice if the page has it, else the first browser
 * language (two letters) the page has, else the page's language.
 */
export function pickLanguage(
  available: readonly string[],
  stored: string | null | undefined,
  browserLanguages: readonly (string | undefined)[],
  fallback: string,
): string {
  if (stored && available.includes(stored)) return stored;
  const wanted = browserLanguages.map((tag) => tag?.slice(0, 2).toLowerCase());
  return wanted.find((language) => language !== undefined && available.includes(language)) ?? fallback;
}

/** The kept choice, or null (never chosen, or storage refused: private browsing, blocked cookies). */
export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The language to show among `available`, set on `<html lang>` (t() and assistive tech read it there). */
export function chooseLanguage(available: readonly string[]): string {
  const browser = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  const language = pickLanguage(available, storedLanguage(), browser, pageLanguage());
  document.documentElement.lang = language;
  return language;
}

/** Keeps the visitor's choice for their next visits and applies it to `<html lang>` now. */
export function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage refused: the choice holds for this page view only, which is still what was asked.
  }
}

/** `fr-BE`, `nl-BE`, `de-BE`: the Intl locale of the page's language, in Belgium. */
export function pageLocale(): string {
  return `${pageLanguage()}-BE`;
}

/**
 * Fills `container` with one button per language (text `FR`, name `FR, Français`, in that language),
 * the current one pressed. A press keeps the choice (rememberLanguage) then calls `onChange(language)`;
 * the page re-renders its texts (it may need to load a catalogue first).
 */
export function mountLanguageSwitch(
  container: HTMLElement,
  available: readonly string[],
  onChange: (language: string) => void,
): void {
  const group = document.createElement('div');
  group.className = 'language-switch';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', SWITCH_LABEL);
  const buttons = available.map((language) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = language;
    button.dataset.language = language;
    button.textContent = language.toUpperCase();
    // The visible letters come first in the name, so voice control ("click NL") finds the button.
    button.setAttribute('aria-label', `${language.toUpperCase()}, ${NATIVE_NAMES[language] ?? language}`);
    return button;
  });
  const showPressed = (current: string) => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.language === current));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const language = button.dataset.language ?? '';
      if (language === pageLanguage()) return;
      rememberLanguage(language);
      showPressed(language);
      onChange(language);
    });
  }
  showPressed(pageLanguage());
  group.append(...buttons);
  container.replaceChildren(group);
}
