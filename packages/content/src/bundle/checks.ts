import { ContentError } from '../errors.js';
import { isIsoDateTime } from '../text/iso-date.js';
import { safeHref } from '../text/links.js';

/**
 * Small typed readers for untrusted JSON. Each one either returns the value with its
 * static type or throws INVALID_BUNDLE naming the field path, so a bundle author sees
 * exactly what to fix (`comments[3].postedAt: expected ISO date`).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function fail(path: string, message: string): never {
  throw new ContentError('INVALID_BUNDLE', `${path}: ${message}`, path);
}

function describe(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** An object with only the given keys; unknown keys are mistakes, not extensions. */
export function object(value: Json | undefined, path: string, keys: readonly string[]): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    fail(path, `expected an object, got ${describe(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(`${path ? `${path}.` : ''}${key}`, `unknown field (allowed: ${keys.join(', ')})`);
  }
  return value;
}

export function array(value: Json | undefined, path: string): Json[] {
  if (!Array.isArray(value)) fail(path, `expected an array, got ${describe(value)}`);
  return value;
}

export function string(value: Json | undefined, path: string, max: number): string {
  if (typeof value !== 'string') fail(path, `expected a string, got ${describe(value)}`);
  if (value.trim().length === 0) fail(path, 'expected a non-empty string');
  if (value.length > max) fail(path, `expected at most ${max} characters, got ${value.length}`);
  return value;
}

export function optionalString(value: Json | undefined, path: string, max: number): string | undefined {
  return value === undefined ? undefined : string(value, path, max);
}

export function integer(value: Json | undefined, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, `expected an integer, got ${describe(value)}`);
  if (value < min || value > max) fail(path, `expected an integer from ${min} to ${max}, got ${value}`);
  return value;
}

export function isoDate(value: Json | undefined, path: string): string {
  if (typeof value !== 'string' || !isIsoDateTime(value)) {
    fail(path, `expected ISO date (e.g. 2024-03-25T17:06:00Z), got ${describe(value)}`);
  }
  return value;
}

export function url(value: Json | undefined, path: string, schemes: 'web' | 'link'): string {
  const text = string(value, path, 2048);
  const safe = safeHref(text);
  const allowed = schemes === 'web' ? /^https?:/i : /^(?:https?|mailto):/i;
  if (!safe || !allowed.test(text)) {
    fail(
      path,
      `expected an absolute ${schemes === 'web' ? 'http(s)' : 'http(s) or mailto'} URL, got ${describe(value)}`,
    );
  }
  return text;
}
