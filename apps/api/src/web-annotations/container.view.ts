import { ANNO_CONTEXT, LDP_CONTEXT } from './anno.vocab.js';
import type { AnnotationPageJson, ContainerJson } from './annotation.types.js';
import type { AnnotationSet } from './annotation.reader.js';
import type { ContainerPreference } from './prefer.js';

/** Annotations per page unless the client asks for `?limit=`. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface PagingOptions {
  /** The container's IRI (ends with `/`). */
  container: string;
  iris: boolean;
  limit: number;
}

export const pageCount = (total: number, limit: number): number => Math.ceil(total / limit);

/** A page's IRI; `limit` only appears when it is not the default, to keep IRIs stable. */
export function pageIri({ container, iris, limit }: PagingOptions, page: number): string {
  const size = limit === DEFAULT_PAGE_SIZE ? '' : `&limit=${limit}`;
  return `${container}?page=${page}&iris=${iris ? 1 : 0}${size}`;
}

/** One AnnotationPage, or null past the last page. */
export function annotationPage(
  set: AnnotationSet,
  options: PagingOptions,
  page: number,
  embedded = false,
): AnnotationPageJson | null {
  const total = set.items.length;
  const pages = pageCount(total, options.limit);
  if (page < 0 || page >= Math.max(pages, 1)) return null;
  const startIndex = page * options.limit;
  const slice = set.items.slice(startIndex, startIndex + options.limit);
  return {
    ...(embedded ? {} : { '@context': ANNO_CONTEXT }),
    id: pageIri(options, page),
    type: 'AnnotationPage',
    partOf: { id: options.container, total, modified: set.modified },
    startIndex,
    ...(page + 1 < pages ? { next: pageIri(options, page + 1) } : {}),
    ...(page > 0 ? { prev: pageIri(options, page - 1) } : {}),
    items: slice.map((a) => {
      if (options.iris) return a.id;
      // Embedded annotations share the page's (or container's) @context.
      const { '@context': _context, ...rest } = a;
      return rest;
    }),
  };
}

/**
 * The container: a BasicContainer and AnnotationCollection with links to its first and
 * last pages. The first page is embedded when descriptions are preferred (the default);
 * with the minimal container or contained IRIs, `first` and `last` are the pages' IRIs,
 * so clients follow them page by page.
 */
export function containerView(
  set: AnnotationSet,
  preference: ContainerPreference,
  container: string,
  limit: number,
): ContainerJson {
  const total = set.items.length;
  const options: PagingOptions = { container, iris: preference === 'iris', limit };
  const pages = pageCount(total, limit);
  return {
    '@context': [ANNO_CONTEXT, LDP_CONTEXT],
    id: container,
    type: ['BasicContainer', 'AnnotationCollection'],
    label: `Discussion of “${set.article.title}”`,
    total,
    modified: set.modified,
    ...(total > 0
      ? {
          first: preference === 'descriptions' ? annotationPage(set, options, 0, true)! : pageIri(options, 0),
          last: pageIri(options, pages - 1),
        }
      : {}),
  };
}

/**
 * The whole discussion as one collection with every annotation embedded in a single page,
 * which is the export document itself (`<container>export`), so its IRIs all resolve.
 */
export function exportView(set: AnnotationSet, container: string): ContainerJson {
  const view = containerView(set, 'descriptions', container, Math.max(set.items.length, 1));
  if (typeof view.first !== 'object') return view;
  const self = `${container}export`;
  return { ...view, first: { ...view.first, id: self }, last: self };
}
