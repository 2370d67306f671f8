import { ContentError } from './errors.js';

/**
 * Guards every import entry point: size first (cheap, and protects the rest), then
 * encoding and binary content, then emptiness.
 */

/** Largest accepted import, in bytes of UTF-8: 2 MiB, about 300,000 words. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** More control characters than this share of the text means it is not text. */
const MAX_CONTROL_RATIO = 0.01;

function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function assertSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ContentError(
      'TOO_LARGE',
      `The import is ${bytes} bytes; the limit is ${MAX_IMPORT_BYTES} bytes (2 MiB).`,
    );
  }
}

function decodeBuffer(buffer: Uint8Array): string {
  // A UTF-16 byte order mark announces two-byte text, whose zero bytes are not binary.
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(buffer);
  if (buffer.includes(0)) throw new ContentError('BINARY', 'The file contains NUL bytes: it is binary, not text.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new ContentError('BINARY', 'The file is not valid UTF-8 text.');
  }
}

function assertText(text: string): void {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) throw new ContentError('BINARY', 'The text contains NUL characters: it is binary, not text.');
    // Tab, LF, VT, FF, CR are whitespace; other C0 controls and DEL are not text.
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f || code === 0xfffd) control++;
  }
  if (text.length > 0 && control / text.length > MAX_CONTROL_RATIO) {
    throw new ContentError(
      'BINARY',
      `The text is ${Math.round((control / text.length) * 100)}% control characters: it looks binary.`,
    );
  }
}

/**
 * Checks an import and returns it as a string. Throws ContentError TOO_LARGE, BINARY or
 * EMPTY.
 */
export function readInput(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    assertSize(utf8ByteLength(input));
    text = input;
  } else {
    assertSize(input.byteLength);
    text = decodeBuffer(input);
  }
  assertText(text);
  if (text.trim().length === 0) throw new ContentError('EMPTY', 'The import is empty.');
  return text;
}
