/**
 * A fake camera for Chromium: a y4m video of a QR code, for `--use-file-for-fake-video-capture`. Written in
 * pure JS from the `qrcode` package's module matrix (black modules on a slightly grey sheet, the way a
 * letter looks under shop lighting), so each test can film the QR of the voucher it just issued.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import QRCode from 'qrcode';

export interface FakeVideoOptions {
  readonly width?: number;
  readonly height?: number;
  /** Frames in the file; Chromium loops them. */
  readonly frames?: number;
  /** Share of the frame's height the QR code (with its quiet zone) takes. */
  readonly coverage?: number;
}

/** Chromium's flags that replace the camera with `file` and grant the permission without a prompt. */
export function fakeCameraFlags(file: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}

/** Writes a y4m (4:2:0, full-range luma) showing the QR code of `text`, centred. */
export function writeQrVideo(file: string, text: string, options: FakeVideoOptions = {}): void {
  const { width = 640, height = 480, frames = 2, coverage = 0.6 } = options;
  const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quietZone = 4;
  const modules = matrix.size + 2 * quietZone;
  const scale = Math.max(1, Math.floor((height * coverage) / modules));
  const side = modules * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);

  const luma = Buffer.alloc(width * height, 200); // the counter behind the letter
  for (let y = 0; y < side; y += 1) {
    const row = Math.floor(y / scale) - quietZone;
    for (let x = 0; x < side; x += 1) {
      const column = Math.floor(x / scale) - quietZone;
      const inside = row >= 0 && column >= 0 && row < matrix.size && column < matrix.size;
      const dark = inside && matrix.get(row, column) === 1;
      luma[(top + y) * width + left + x] = dark ? 20 : 235;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\n`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
