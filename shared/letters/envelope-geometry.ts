/**
 * Where the address must sit on an A4 page for it to show through the window of the envelope, and the
 * page's fold lines. All lengths in millimetres, origin at the page's top-left corner.
 *
 * Envelope: DL (110 × 220 mm) with its window on the LEFT, 45 × 90 mm, 20 mm from the left edge and 15 mm
 * from the bottom (the usual Belgian window envelope, "DL fenêtre à gauche"). The A4 is folded in three
 * (Z-fold: three panels of 99 mm, the top panel facing the window, text upright), giving a 210 × 99 mm
 * packet that can slide 10 mm sideways and 11 mm up or down inside the envelope. The address must show
 * whatever the packet's position: the window, seen from the page, over every position the packet can take.
 */

export const A4 = { width: 210, height: 297 } as const;

export const DL_ENVELOPE = { width: 220, height: 110 } as const;

export const DL_WINDOW = { width: 90, height: 45, fromLeft: 20, fromBottom: 15 } as const;

/** Z-fold in three equal panels: folds at 99 mm and 198 mm from the top. */
export const FOLD_PANEL_HEIGHT = A4.height / 3;
export const FOLD_LINES = [FOLD_PANEL_HEIGHT, 2 * FOLD_PANEL_HEIGHT] as const;

/** How far the folded packet can move inside the envelope, each way from touching an edge. */
export const PACKET_PLAY = {
  horizontal: DL_ENVELOPE.width - A4.width,
  vertical: DL_ENVELOPE.height - FOLD_PANEL_HEIGHT,
} as const;

/** Kept clear between the printed text and the window's edges (a window's cut is not millimetre-exact). */
export const WINDOW_MARGIN = 2;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The window in page coordinates when the packet's left edge is `offsetX` mm from the envelope's left
 * edge and its top edge `offsetY` mm below the envelope's top edge.
 */
export function windowOnPage(offsetX: number, offsetY: number): Box {
  const windowTop = DL_ENVELOPE.height - DL_WINDOW.fromBottom - DL_WINDOW.height;
  return { x: DL_WINDOW.fromLeft - offsetX, y: windowTop - offsetY, width: DL_WINDOW.width, height: DL_WINDOW.height };
}

/** The part of the page that shows through the window in every position of the packet. */
export function alwaysVisibleArea(): Box {
  const extremes = [windowOnPage(0, 0), windowOnPage(PACKET_PLAY.horizontal, PACKET_PLAY.vertical)];
  const left = Math.max(...extremes.map((box) => box.x));
  const right = Math.min(...extremes.map((box) => box.x + box.width));
  const top = Math.max(...extremes.map((box) => box.y));
  const bottom = Math.min(...extremes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Every part of the page that the window can show in some position of the packet: keep it for the address. */
export function windowReach(): Box {
  const nearest = windowOnPage(PACKET_PLAY.horizontal, PACKET_PLAY.vertical);
  const farthest = windowOnPage(0, 0);
  return {
    x: nearest.x,
    y: nearest.y,
    width: farthest.x + farthest.width - nearest.x,
    height: farthest.y + farthest.height - nearest.y,
  };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Where the return address and the recipient are printed: the always-visible area less WINDOW_MARGIN. */
export const ADDRESS_BLOCK: Box = (() => {
  const visible = alwaysVisibleArea();
  return {
    x: visible.x + WINDOW_MARGIN,
    y: visible.y + WINDOW_MARGIN,
    width: visible.width - 2 * WINDOW_MARGIN,
    height: visible.height - 2 * WINDOW_MARGIN,
  };
})();

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** PDF points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

export function mm(value: number): number {
  return value * PT_PER_MM;
}
