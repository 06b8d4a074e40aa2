/**
 * The rear camera and the QR decoder. `qr-scanner` is imported only when the camera first starts, and it
 * loads its decoding worker (a separate chunk, run from a blob: URL, which the CSP's worker-src allows)
 * only then: a shop that types codes by hand never downloads either. The scanner is kept between scans
 * and only stops the video stream while another screen is shown.
 */
import type QrScannerModule from 'qr-scanner';

// TypeScript reads qr-scanner's declarations as CommonJS (its package.json has no "type"), where the class
// is `.default` of the default import; esbuild bundles the package's ES module, whose default export is
// the class itself. These two aliases keep both views honest.
type QrScannerClass = typeof QrScannerModule.default;
type QrScanner = InstanceType<QrScannerClass>;

export interface Camera {
  /** Starts (or restarts) the video and the decoding; rejects when there is no camera or no permission. */
  start(): Promise<void>;
  stop(): void;
  hasTorch(): Promise<boolean>;
  /** Turns the torch on or off; answers whether it is now on. */
  toggleTorch(): Promise<boolean>;
}

export function createCamera(video: HTMLVideoElement, onText: (text: string) => void): Camera {
  let scanner: Promise<QrScanner> | undefined;
  // Whether the camera should run: a start still in progress when the screen changes must not win.
  let wanted = false;

  const load = (): Promise<QrScanner> => {
    scanner ??= import('qr-scanner').then(
      (module) =>
        new (module.default as unknown as QrScannerClass)(video, (result) => onText(result.data), {
          preferredCamera: 'environment',
          // Enough to feel instant, light enough for a cheap phone's CPU.
          maxScansPerSecond: 12,
          returnDetailedScanResult: true,
          // Called for every frame without a code: nothing to tell the shopkeeper.
          onDecodeError: () => undefined,
        }),
    );
    return scanner;
  };

  return {
    async start() {
      wanted = true;
      const instance = await load();
      if (!wanted) return;
      await instance.start();
      if (!wanted) instance.stop();
    },
    stop() {
      wanted = false;
      void scanner?.then((instance) => instance.stop());
    },
    async hasTorch() {
      const instance = await load();
      return instance.hasFlash().catch(() => false);
    },
    async toggleTorch() {
      const instance = await load();
      await instance.toggleFlash();
      return instance.isFlashOn();
    },
  };
}
