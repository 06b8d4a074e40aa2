/** Which language a page shows: the visitor's kept choice, else the phone's languages, else the page's own. */
import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../web/lib/i18n/language.ts';

const PAGE = ['fr', 'nl', 'de'];

describe('pickLanguage', () => {
  it('keeps the choice the visitor made, whatever the phone says', () => {
    expect(pickLanguage(PAGE, 'de', ['nl-BE', 'fr'], 'fr')).toBe('de');
  });

  it('ignores a kept choice the page has no catalogue for (admin page: no German)', () => {
    expect(pickLanguage(['fr', 'nl'], 'de', ['nl-BE'], 'fr')).toBe('nl');
  });

  it('follows the first of the phone languages the page has, region and case ignored', () => {
    expect(pickLanguage(PAGE, null, ['en-GB', 'NL-be', 'fr-BE'], 'fr')).toBe('nl');
  });

  it("falls back to the page's own language", () => {
    expect(pickLanguage(PAGE, undefined, ['en-US', undefined], 'fr')).toBe('fr');
  });
});
