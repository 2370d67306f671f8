/**
 * Checks JSON against the W3C Web Annotation Data Model's requirements (required keys and
 * value constraints) for the shapes this server emits. Returns the problems found; [] is valid.
 */

type Json = Record<string, unknown>;
const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const LDP = 'http://www.w3.org/ns/ldp.jsonld';
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];
/** xsd:dateTime with a timezone, as the model requires for created/modified. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isIri = (v: unknown): boolean => {
  if (typeof v !== 'string') return false;
  try {
    return Boolean(new URL(v).protocol);
  } catch {
    return false;
  }
};
const hasType = (v: Json, type: string): boolean => list(v['type']).includes(type);

function contextProblems(v: Json, required: string[], where: string): string[] {
  const contexts = list(v['@context']);
  return required.filter((c) => !contexts.includes(c)).map((c) => `${where}: @context must include ${c}`);
}

export function annotationProblems(value: unknown, where = 'annotation', embedded = false): string[] {
  if (!isObject(value)) return [`${where}: not an object`];
  const problems: string[] = embedded ? [] : contextProblems(value, [ANNO], where);
  if (!isIri(value['id'])) problems.push(`${where}: id must be an IRI`);
  if (!hasType(value, 'Annotation')) problems.push(`${where}: type must include Annotation`);
  for (const key of ['created', 'modified'] as const) {
    if (value[key] !== undefined && !(typeof value[key] === 'string' && DATE_TIME.test(value[key])))
      problems.push(`${where}: ${key} must be an xsd:dateTime with a timezone`);
  }
  for (const m of list(value['motivation'])) {
    if (typeof m !== 'string' || !MOTIVATIONS.includes(m)) problems.push(`${where}: unknown motivation ${String(m)}`);
  }
  for (const creator of list(value['creator'])) {
    if (!isObject(creator)) {
      if (!isIri(creator)) problems.push(`${where}: creator must be an IRI or an Agent`);
      continue;
    }
    if (!['Person', 'Organization', 'Software'].some((t) => hasType(creator, t)))
      problems.push(`${where}: creator needs an Agent type`);
    if (creator['name'] !== undefined && typeof creator['name'] !== 'string')
      problems.push(`${where}: creator.name must be a string`);
    if ('email' in creator || 'email_sha1' in creator) problems.push(`${where}: creator must not expose an email`);
  }
  for (const [i, body] of list(value['body']).entries()) {
    if (isIri(body)) continue;
    if (!isObject(body)) problems.push(`${where}.body[${i}]: must be an IRI or a resource`);
    else if (hasType(body, 'TextualBody')) {
      if (typeof body['value'] !== 'string') problems.push(`${where}.body[${i}]: TextualBody needs a string value`);
      if (body['format'] !== undefined && !/^[a-z]+\/[a-z0-9.+-]+$/.test(String(body['format'])))
        problems.push(`${where}.body[${i}]: format must be a media type`);
    }
  }
  const targets = list(value['target']);
  if (targets.length === 0) problems.push(`${where}: target is required`);
  for (const [i, target] of targets.entries()) problems.push(...targetProblems(target, `${where}.target[${i}]`));
  return problems;
}

function targetProblems(target: unknown, where: string): string[] {
  if (isIri(target)) return [];
  if (!isObject(target)) return [`${where}: must be an IRI or a SpecificResource`];
  const problems: string[] = [];
  if (!isIri(target['source']) && !isIri(target['id'])) problems.push(`${where}: needs a source IRI`);
  for (const [i, s] of list(target['selector']).entries()) {
    if (!isObject(s)) {
      problems.push(`${where}.selector[${i}]: not an object`);
      continue;
    }
    if (hasType(s, 'TextQuoteSelector')) {
      if (typeof s['exact'] !== 'string') problems.push(`${where}.selector[${i}]: exact is required`);
      for (const k of ['prefix', 'suffix'])
        if (s[k] !== undefined && typeof s[k] !== 'string')
          problems.push(`${where}.selector[${i}]: ${k} must be a string`);
    } else if (hasType(s, 'TextPositionSelector')) {
      const { start, end } = s;
      if (!Number.isInteger(start) || (start as number) < 0)
        problems.push(`${where}.selector[${i}]: start must be a non-negative integer`);
      if (!Number.isInteger(end) || (end as number) < (start as number))
        problems.push(`${where}.selector[${i}]: end must be an integer ≥ start`);
    } else problems.push(`${where}.selector[${i}]: unexpected selector type`);
  }
  const state = target['state'];
  if (state !== undefined) {
    if (!isObject(state) || !['TimeState', 'HttpRequestState'].some((t) => hasType(state, t)))
      problems.push(`${where}: state must be a TimeState or HttpRequestState`);
    else if (
      hasType(state, 'TimeState') &&
      !(typeof state['sourceDate'] === 'string' && DATE_TIME.test(state['sourceDate']))
    )
      problems.push(`${where}: TimeState.sourceDate must be an xsd:dateTime`);
  }
  return problems;
}

export function pageProblems(value: unknown, where = 'page', embedded = false): string[] {
  if (!isObject(value)) return [`${where}: not an object`];
  const problems: string[] = embedded ? [] : contextProblems(value, [ANNO], where);
  if (!isIri(value['id'])) problems.push(`${where}: id must be an IRI`);
  if (!hasType(value, 'AnnotationPage')) problems.push(`${where}: type must be AnnotationPage`);
  const partOf = value['partOf'];
  if (!(isIri(partOf) || (isObject(partOf) && isIri(partOf['id']))))
    problems.push(`${where}: partOf must name the collection`);
  if (
    isObject(partOf) &&
    partOf['total'] !== undefined &&
    !(Number.isInteger(partOf['total']) && (partOf['total'] as number) >= 0)
  )
    problems.push(`${where}: partOf.total must be a non-negative integer`);
  if (!(Number.isInteger(value['startIndex']) && (value['startIndex'] as number) >= 0))
    problems.push(`${where}: startIndex must be a non-negative integer`);
  for (const k of ['next', 'prev'])
    if (value[k] !== undefined && !isIri(value[k])) problems.push(`${where}: ${k} must be an IRI`);
  if (!Array.isArray(value['items'])) problems.push(`${where}: items must be a list`);
  else
    for (const [i, item] of value['items'].entries()) {
      if (!isIri(item)) problems.push(...annotationProblems(item, `${where}.items[${i}]`, true));
    }
  return problems;
}

export function containerProblems(value: unknown, where = 'container'): string[] {
  if (!isObject(value)) return [`${where}: not an object`];
  const problems = contextProblems(value, [ANNO, LDP], where);
  if (!isIri(value['id'])) problems.push(`${where}: id must be an IRI`);
  for (const t of ['BasicContainer', 'AnnotationCollection'])
    if (!hasType(value, t)) problems.push(`${where}: type must include ${t}`);
  const total = value['total'];
  if (!(Number.isInteger(total) && (total as number) >= 0))
    problems.push(`${where}: total must be a non-negative integer`);
  if ((total as number) > 0) {
    if (value['first'] === undefined || value['last'] === undefined)
      problems.push(`${where}: first and last are required`);
    if (!isIri(value['last'])) problems.push(`${where}: last must be an IRI`);
    const first = value['first'];
    if (!isIri(first)) problems.push(...pageProblems(first, `${where}.first`, true));
  }
  return problems;
}
