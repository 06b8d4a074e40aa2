/**
 * The language of a citizen page: chosen once on load (kept choice, else the phone's, else French), the
 * FR/NL/DE switch in the header, and the page's texts filled again on each switch.
 */
import { chooseLanguage, mountLanguageSwitch } from '../lib/i18n/language.ts';

export function setupLanguage(options: {
  readonly languages: readonly string[];
  readonly switchContainer: HTMLElement;
  /** Fills the page's texts in the current language (`<html lang>`); called now and after each switch. */
  readonly render: () => void;
}): void {
  chooseLanguage(options.languages);
  mountLanguageSwitch(options.switchContainer, options.languages, () => options.render());
  options.render();
}
