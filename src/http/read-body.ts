/**
 * Bounded reading of a response body, so one runaway answer cannot exhaust memory.
 */
import type { Readable } from 'node:stream';

/** Thrown (and then mapped by the client) when a body passes its byte limit. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/** Reads the whole body as UTF-8, failing as soon as it passes `limitBytes`. */
export async function readBodyText(body: Readable, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limitBytes) {
      body.destroy();
      throw new BodyTooLarge(`body passed ${limitBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
