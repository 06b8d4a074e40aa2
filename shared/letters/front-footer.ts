/** The footer line shared by a letter's front and back: the campaign and where to read more. */
import { mm } from './envelope-geometry.ts';
import { CONTENT_WIDTH, FOOTER_Y, MARGIN } from './front-layout.ts';
import type { LetterContext } from './letter-context.ts';
import { COLOUR, FONT } from './letter-style.ts';
import { line } from './pdf-text.ts';

export function drawFooter(context: LetterContext): void {
  const { doc, campaign, words } = context;
  doc.rect(mm(MARGIN), mm(FOOTER_Y - 2.5), mm(CONTENT_WIDTH), 0.4).fill(COLOUR.rule);
  line(doc, `${campaign.name} · ${words.siteUrl}`, MARGIN, FOOTER_Y, {
    font: FONT.regular,
    size: 7,
    colour: COLOUR.muted,
  });
}
