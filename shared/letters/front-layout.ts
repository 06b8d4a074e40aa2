/**
 * Where things go on a letter's front page, in mm from the top-left corner. The top panel of the Z-fold
 * (0-99 mm) holds the letterhead and the window address; the middle panel the greeting and the voucher,
 * kept clear of the folds so no crease runs through the QR code; the bottom panel the instructions.
 */
import { A4, ADDRESS_BLOCK, FOLD_LINES } from './envelope-geometry.ts';

export const MARGIN = 20;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;

export const LOGO = { x: MARGIN, y: 13, width: 20, height: 24 } as const;
export const LETTERHEAD = { x: 44, y: 15, width: 80 } as const;
/** The town's contact lines, right-aligned in the top-right corner. */
export const SENDER = { x: 125, y: 15, width: A4.width - MARGIN - 125 } as const;
/** Place, date and reference, beside the window and level with it. */
export const DETAILS = { x: 125, y: ADDRESS_BLOCK.y, width: SENDER.width } as const;

export const HEADLINE_Y = FOLD_LINES[0] + 7;
export const GREETING_Y = HEADLINE_Y + 11;
export const INTRO_Y = GREETING_Y + 6;

/** The voucher itself: amount, holder, validity, QR code and printed code. */
export const PANEL = { x: MARGIN, y: 140, width: CONTENT_WIDTH, height: 54 } as const;
export const PANEL_PADDING = 6;
/** The white square behind the QR code: its modules plus a quiet zone of four modules on every side. */
export const QR_BOX = {
  size: 38,
  x: PANEL.x + PANEL.width - PANEL_PADDING - 38,
  y: PANEL.y + 4,
} as const;
/** Left part of the panel, up to the QR code. */
export const PANEL_TEXT = { x: PANEL.x + PANEL_PADDING, width: QR_BOX.x - PANEL.x - 2 * PANEL_PADDING } as const;

/** The bottom panel: how to use it (left), validity and loss (right). */
export const COLUMNS = { y: FOLD_LINES[1] + 7, left: MARGIN, right: 109, width: 81 } as const;
export const FOOTER_Y = A4.height - 11;
/** Nothing but the footer below this line. */
export const BODY_BOTTOM = FOOTER_Y - 4;
