/**
 * Seals a clear voucher code for the few places it must be kept for a short while (the stored answer of a
 * retried void-and-reissue request): AES-256-GCM under a key derived from the code key for this one purpose.
 * The table then holds only ciphertext, and only as long as the idempotency record lives.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

function sealingKey(codeKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', codeKey, Buffer.alloc(0), 'voucher-code-seal:v1', 32));
}

export function sealCode(codeKey: Buffer, code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(codeKey), iv);
  const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
    '.',
  );
}

export function openCode(codeKey: Buffer, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('Not a sealed voucher code');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(codeKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
