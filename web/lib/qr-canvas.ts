/**
 * Draws a QR code on a canvas: the authenticator app's key at a staff member's first sign-in. Imported
 * dynamically, so that the encoder (the same `qrcode` package the letters use) is a chunk of its own.
 */
import QRCode from 'qrcode';

export function drawQr(canvas: HTMLCanvasElement, text: string): Promise<void> {
  return QRCode.toCanvas(canvas, text, { errorCorrectionLevel: 'M', margin: 2, width: 192 });
}
