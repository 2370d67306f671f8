/**
 * Offsets in Marginalia are Unicode code points (W3C Web Annotation), while JavaScript
 * strings index UTF-16 units. These helpers convert between the two without building
 * code point arrays, so they stay cheap on megabyte-sized texts.
 */

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when the text only holds BMP characters, so UTF-16 and code point offsets agree. */
export function isBmpOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i))) return false;
  }
  return true;
}

/** Code point offset of a UTF-16 index. */
export function utf16ToCodePoint(text: string, index: number): number {
  let cp = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    cp++;
  }
  return cp;
}

/** UTF-16 index of a code point offset (clamped to the text's length). */
export function codePointToUtf16(text: string, codePoint: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoint && i < text.length; cp++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i += 2;
    else i++;
  }
  return i;
}

/** Slice by code point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  return text.slice(from, to);
}
