// Node ESM loader hooks that run the API's TypeScript sources directly (transpile-only, the
// way ts-jest does), so a spec can start the real worker in a child process - and kill it -
// without a build. Used only by tests and benchmarks: `node --import <register-ts.mjs> <entry>.ts`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';

// Transpiling is most of a child's start-up time; keep the output, keyed on the source.
const cacheDir = path.join(tmpdir(), 'marginalia-ts-loader', ts.version);
mkdirSync(cacheDir, { recursive: true });

const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2023,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
};

export async function resolve(specifier, context, nextResolve) {
  // Sources import each other as `./x.js`; the file on disk is `./x.ts`.
  if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL) {
    const url = new URL(specifier, context.parentURL);
    const source = new URL(url.href.replace(/\.js$/, '.ts'));
    if (!existsSync(fileURLToPath(url)) && existsSync(fileURLToPath(source))) return nextResolve(source.href, context);
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const cached = path.join(
    cacheDir,
    `${createHash('sha256').update(file).update('\0').update(source).digest('hex')}.js`,
  );
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: file });
  // Children start side by side on a cold cache: a file another one is still writing must
  // never be read half-written, so each writes its own temporary file and renames it in place.
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, outputText);
  renameSync(partial, cached);
  return { format: 'module', source: outputText, shortCircuit: true };
}
