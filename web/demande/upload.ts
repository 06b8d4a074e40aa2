/**
 * The proof goes straight to the documents bucket with the presigned PUT the filing answered. XMLHttpRequest,
 * not fetch, because only it reports upload progress, which a student on a slow connection needs to see.
 */

export class UploadError extends Error {
  /** The bucket's HTTP status, or 0 when no answer came back. */
  readonly status: number;
  constructor(status: number) {
    super(`upload: HTTP ${status}`);
    this.status = status;
  }
}

// Browsers refuse to let a page set these (the URL is signed for the file's length, which the browser sends).
const FORBIDDEN = new Set(['content-length', 'host']);

export function uploadProof(
  url: string,
  headers: Readonly<Record<string, string>>,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) {
      if (!FORBIDDEN.has(name.toLowerCase())) request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new UploadError(request.status));
    });
    request.addEventListener('error', () => reject(new UploadError(0)));
    request.addEventListener('timeout', () => reject(new UploadError(0)));
    request.addEventListener('abort', () => reject(new UploadError(0)));
    request.send(file);
  });
}
