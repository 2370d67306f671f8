import { SaxesParser } from 'saxes';
import { ContentError } from '../errors.js';

/** One element of a record, with its text (character data and CDATA) and child elements. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** Largest single record (a post with its comments, a Disqus post): 32 MiB of text. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

export type RecordSelector = (path: readonly string[], name: string) => boolean;

export interface XmlRecord {
  node: XmlNode;
  /** Bytes of the file read when the record closed (for progress). */
  bytesRead: number;
}

/** First child named `name` (qualified name as written, e.g. `wp:post_id`). */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** Trimmed text of the first child named `name`; '' when absent. */
export function childText(node: XmlNode, name: string): string {
  return child(node, name)?.text.trim() ?? '';
}

/**
 * Streams an XML file and yields the elements `select` picks (by their ancestors' names and
 * their own), each as a small tree, without ever holding the whole document: memory is one
 * record plus one chunk. Element names are qualified names as written (`wp:comment`).
 * Malformed or truncated XML throws ContentError INVALID_EXPORT naming the line.
 */
export async function* readXmlRecords(
  source: AsyncIterable<string | Uint8Array>,
  select: RecordSelector,
): AsyncGenerator<XmlRecord> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const decoder = new TextDecoder('utf-8');
  const path: string[] = [];
  /** Open elements of the record being built, outermost first. */
  const open: XmlNode[] = [];
  let recordChars = 0;
  let ready: XmlNode[] = [];
  let failure: Error | undefined;
  let sawRoot = false;

  const fail = (message: string): never => {
    throw new ContentError('INVALID_EXPORT', `${message} (line ${parser.line}, column ${parser.column}).`);
  };
  parser.on('error', (error) => {
    failure ??= new ContentError('INVALID_EXPORT', `The file is not well-formed XML: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    sawRoot = true;
    const node: XmlNode = {
      name: tag.name,
      attrs: { ...tag.attributes } as Record<string, string>,
      text: '',
      children: [],
    };
    if (open.length > 0) open[open.length - 1]?.children.push(node);
    if (open.length > 0 || select(path, tag.name)) open.push(node);
    path.push(tag.name);
  });
  const addText = (text: string): void => {
    const current = open[open.length - 1];
    if (!current) return;
    recordChars += text.length;
    if (recordChars > MAX_RECORD_CHARS)
      fail(`An element <${open[0]?.name}> holds more than ${MAX_RECORD_CHARS} characters`);
    current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    path.pop();
    const node = open.pop();
    if (node && open.length === 0) {
      ready.push(node);
      recordChars = 0;
    }
  });

  let bytesRead = 0;
  const feed = function* (text: string): Generator<XmlRecord> {
    parser.write(text);
    if (failure) throw failure;
    const out = ready;
    ready = [];
    for (const node of out) yield { node, bytesRead };
  };
  for await (const chunk of source) {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.includes('\u0000')) fail('The file contains NUL bytes: it is binary, not an export');
    yield* feed(text);
  }
  yield* feed(decoder.decode());
  if (!sawRoot) throw new ContentError('INVALID_EXPORT', 'The file holds no XML element.');
  parser.close();
  if (failure) throw failure;
  if (path.length > 0) {
    throw new ContentError(
      'INVALID_EXPORT',
      `The file ends before </${path[path.length - 1]}> closes: it is truncated (line ${parser.line}).`,
    );
  }
}
