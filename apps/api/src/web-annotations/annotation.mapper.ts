import type { CommentModel, ThreadModel } from '../comments/models/comment.model.js';
import type { AnnotationJson, PersonJson, SpecificResourceJson, TextualBody } from './annotation.types.js';
import { stanceMotivation, stanceTagBody } from './stance-motivation.js';

/** Where the annotations of an article live, and the article itself, for one request origin. */
export interface ArticleIris {
  origin: string;
  slug: string;
}

export const containerIri = ({ origin, slug }: ArticleIris): string =>
  `${origin}/annotations/${encodeURIComponent(slug)}/`;
export const annotationIri = (article: ArticleIris, commentId: string): string =>
  `${containerIri(article)}${commentId}`;
export const articleUrl = ({ origin, slug }: ArticleIris): string => `${origin}/a/${encodeURIComponent(slug)}`;

/** A comment the viewer may see, with its Markdown source (null for deleted placeholders). */
export interface VisibleComment {
  comment: CommentModel;
  source: string | null;
}

const DELETED_BODY: TextualBody = { type: 'TextualBody', value: 'This comment was deleted.', format: 'text/plain' };

/**
 * One comment as a W3C Annotation: thread roots target the article (with selectors and
 * the revision they describe when anchored), replies target their parent annotation.
 */
export function toAnnotation(
  article: ArticleIris,
  thread: ThreadModel,
  { comment, source }: VisibleComment,
  revisionDates: ReadonlyMap<string, Date>,
): AnnotationJson {
  const created = comment.postedAt.toISOString();
  const deleted = comment.status === 'DELETED';
  const creator = deleted ? undefined : creatorOf(comment);
  const primary = comment.parentId ? 'replying' : 'commenting';
  const stance = deleted ? null : comment.stance;
  const tag = stance ? stanceTagBody(stance) : null;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: annotationIri(article, comment.id),
    type: 'Annotation',
    motivation: stance ? [primary, stanceMotivation(stance)] : primary,
    created,
    modified: (comment.editedAt ?? comment.postedAt).toISOString(),
    ...(creator ? { creator } : {}),
    body:
      deleted || source === null
        ? DELETED_BODY
        : [
            { type: 'TextualBody', value: source, format: 'text/markdown' },
            { type: 'TextualBody', value: comment.bodyHtml, format: 'text/html' },
            ...(tag ? [tag] : []),
          ],
    target: comment.parentId ? annotationIri(article, comment.parentId) : targetOf(article, thread, revisionDates),
  };
}

function creatorOf(comment: CommentModel): PersonJson {
  if (comment.author) return { type: 'Person', name: comment.author.displayName, nickname: comment.author.handle };
  return { type: 'Person', name: comment.authorName };
}

function targetOf(
  article: ArticleIris,
  thread: ThreadModel,
  revisionDates: ReadonlyMap<string, Date>,
): SpecificResourceJson | string {
  const source = articleUrl(article);
  const anchor = thread.anchor;
  // A page-level thread is about the whole article: its IRI is the target.
  if (!anchor) return source;
  const revisedAt = revisionDates.get(anchor.revisionId);
  return {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
      { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
    ],
    // The selectors describe this revision (an orphan's: the one it was last found in).
    ...(revisedAt
      ? { state: { id: `urn:uuid:${anchor.revisionId}`, type: 'TimeState', sourceDate: revisedAt.toISOString() } }
      : {}),
  };
}
