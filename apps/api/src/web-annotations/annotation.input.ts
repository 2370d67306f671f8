import type { Selectors } from '@marginalia/anchoring';
import { MAX_BODY, MAX_QUOTE } from '../comments/dto/comment.inputs.js';
import type { Stance } from '../generated/prisma/enums.js';
import { badInput } from '../infra/errors/domain-error.js';
import { stanceOf } from './stance-motivation.js';

/** Longest prefix or suffix kept from a client's TextQuoteSelector. */
export const MAX_CONTEXT = 256;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const typesOf = (v: Json): string[] => asList(v['type']).filter((t): t is string => typeof t === 'string');

/**
 * A W3C annotation as received (POST or import), reduced to what a comment needs. The
 * JSON-LD is free-form (a body may be a string, an object or a list), so it is read
 * defensively here rather than by a validation class; limits match the GraphQL inputs.
 */
export interface ReceivedAnnotation {
  id: string | null;
  motivation: string | null;
  /** The Markdown to store. */
  body: string;
  /** The target's source IRI, or the IRI of the annotation it replies to. */
  targetIri: string | null;
  selectors: Selectors | null;
  creatorName: string | null;
  created: Date | null;
  /** From a second motivation (and a tag), see stance-motivation.ts. */
  stance: Stance | null;
}

export function readAnnotation(value: unknown, field = 'annotation'): ReceivedAnnotation {
  if (!isObject(value)) throw badInput(field, 'An annotation must be a JSON object');
  if (!typesOf(value).includes('Annotation')) throw badInput(`${field}.type`, 'type must include "Annotation"');
  const targets = asList(value['target']);
  const target = targets[0];
  if (target === undefined) throw badInput(`${field}.target`, 'An annotation needs a target');
  const motivations = asList(value['motivation'])
    .filter((m): m is string => typeof m === 'string')
    .map(motivationOf);
  // Hypothesis lists the ancestors of a reply in `references`, its direct parent last.
  const references = asList(value['references']).filter((r): r is string => typeof r === 'string' && r.length > 0);
  const motivation = references.length > 0 || motivations.includes('replying') ? 'replying' : (motivations[0] ?? null);
  const created = typeof value['created'] === 'string' ? new Date(value['created']) : null;
  return {
    id: typeof value['id'] === 'string' ? value['id'] : null,
    motivation,
    body: bodyOf(value, field),
    targetIri: references.at(-1) ?? (motivation === 'replying' ? replyTargetOf(targets) : targetIriOf(target)),
    selectors: isObject(target) ? selectorsOf(target['selector'], `${field}.target.selector`) : null,
    creatorName: creatorNameOf(value['creator']),
    created: created && !Number.isNaN(created.getTime()) ? created : null,
    stance: stanceOf(motivations, tagsOf(value)),
  };
}

/** The values of the bodies whose purpose is `tagging`. */
function tagsOf(value: Json): string[] {
  return asList(value['body'])
    .filter(isObject)
    .filter((body) => asList(body['purpose']).some((p) => typeof p === 'string' && motivationOf(p) === 'tagging'))
    .map((body) => body['value'])
    .filter((v): v is string => typeof v === 'string');
}

function bodyOf(value: Json, field: string): string {
  const candidates: Array<{ value: string; format: string | null }> = [];
  if (typeof value['bodyValue'] === 'string') candidates.push({ value: value['bodyValue'], format: 'text/plain' });
  for (const body of asList(value['body'])) {
    // A tag (a stance's "agree", say) is not the comment's text.
    if (isObject(body) && asList(body['purpose']).some((p) => typeof p === 'string' && motivationOf(p) === 'tagging'))
      continue;
    if (isObject(body) && typeof body['value'] === 'string') {
      candidates.push({ value: body['value'], format: typeof body['format'] === 'string' ? body['format'] : null });
    }
  }
  const best =
    candidates.find((c) => c.format === 'text/markdown') ??
    candidates.find((c) => c.format === null || c.format === 'text/plain') ??
    candidates[0];
  const text = best?.value.trim() ?? '';
  if (!text) throw badInput(`${field}.body`, 'An annotation needs a TextualBody (or bodyValue) with some text');
  if (text.length > MAX_BODY) throw badInput(`${field}.body`, `body must be at most ${MAX_BODY} characters`);
  return text;
}

const OA_NAMESPACE = 'http://www.w3.org/ns/oa#';

/** `oa:replying` and `http://www.w3.org/ns/oa#replying` are the vocabulary's `replying`. */
function motivationOf(written: string): string {
  if (written.startsWith('oa:')) return written.slice(3);
  if (written.startsWith(OA_NAMESPACE)) return written.slice(OA_NAMESPACE.length);
  return written;
}

/**
 * The annotation a reply answers: the target typed as an Annotation when several are given
 * (a reply may also name the page), else the first target without a selector, else the first.
 */
function replyTargetOf(targets: unknown[]): string | null {
  const annotation = targets.find((t) => isObject(t) && typesOf(t).some((type) => /(^|:|#)Annotation$/.test(type)));
  const bare = targets.find((t) => typeof t === 'string' || (isObject(t) && t['selector'] === undefined));
  return targetIriOf(annotation ?? bare ?? targets[0]);
}

function targetIriOf(target: unknown): string | null {
  if (typeof target === 'string') return target;
  if (isObject(target)) {
    if (typeof target['source'] === 'string') return target['source'];
    if (typeof target['id'] === 'string') return target['id'];
  }
  return null;
}

function selectorsOf(value: unknown, field: string): Selectors | null {
  const selectors = asList(value).filter(isObject);
  const quote = selectors.find((s) => typesOf(s).includes('TextQuoteSelector'));
  if (!quote) return null;
  const exact = quote['exact'];
  if (typeof exact !== 'string' || exact.length === 0) throw badInput(`${field}.exact`, 'exact must be some text');
  if (exact.length > MAX_QUOTE) throw badInput(`${field}.exact`, `exact must be at most ${MAX_QUOTE} characters`);
  const context = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(-MAX_CONTEXT) : undefined);
  const suffix = typeof quote['suffix'] === 'string' ? quote['suffix'].slice(0, MAX_CONTEXT) : undefined;
  const position = selectors.find((s) => typesOf(s).includes('TextPositionSelector'));
  const start = position?.['start'];
  const end = position?.['end'];
  const validPosition =
    Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) > (start as number);
  return {
    quote: { exact, prefix: context(quote['prefix']), suffix },
    ...(validPosition ? { position: { start: start as number, end: end as number } } : {}),
  };
}

/** A Person's name, a bare string (e.g. Hypothesis' `acct:alice@hypothes.is` → alice), or null. */
function creatorNameOf(value: unknown): string | null {
  const creator = asList(value)[0];
  if (typeof creator === 'string')
    return (
      creator
        .replace(/^acct:/, '')
        .replace(/@.*$/, '')
        .slice(0, 100) || null
    );
  if (isObject(creator)) {
    const name = creator['name'] ?? creator['nickname'];
    if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 100);
  }
  return null;
}
