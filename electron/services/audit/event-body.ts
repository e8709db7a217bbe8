import { createHash } from 'node:crypto';
import { sha256Hex } from './hash';

/** Pieces are gathered into chunks of about this many characters before they are encoded. */
const chunkChars = 1 << 18;

/**
 * An event body written piece by piece and hashed as it goes. A small body stays one string. A
 * large one (an inventory import carries 100,000 row images) becomes UTF-8 chunk by chunk,
 * outside the JavaScript heap, so neither its pieces nor the whole text are held as strings; the
 * hash is the same SHA-256 of the same UTF-8 bytes either way.
 */
export class EventBodyWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly chunks: Buffer[] = [];
  private readonly hash = createHash('sha256');

  /** Text, or UTF-8 bytes (a few as text: a small body stays text). */
  write(text: string | Buffer): void {
    if (typeof text !== 'string' && text.length < chunkChars / 16) text = text.toString('utf8');
    if (typeof text !== 'string') {
      this.flush();
      this.hash.update(text);
      this.chunks.push(text);
      return;
    }
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= chunkChars) this.flush();
  }

  /** The body (text, or its UTF-8 bytes when it was large) and the SHA-256 of its bytes. */
  finish(): { body: string | Buffer; hash: string } {
    if (this.chunks.length === 0) {
      const body = this.pending.join('');
      return { body, hash: sha256Hex(body) };
    }
    this.flush();
    return { body: Buffer.concat(this.chunks), hash: this.hash.digest('hex') };
  }

  private flush(): void {
    if (this.pendingChars === 0) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    this.hash.update(chunk);
    this.chunks.push(chunk);
  }
}
