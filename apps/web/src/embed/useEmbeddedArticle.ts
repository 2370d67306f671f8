import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { EMBED_ARTICLE_QUERY, type EmbedArticleResult } from '../api/queries.ts';
import { useQuery } from '../ui/useQuery.ts';
import { pageIdOf } from './embedSession.ts';
import { hostOriginOf } from './useHostMessages.ts';

/** How often a page being imported is asked after again. */
const PENDING_POLL_MS = 3000;

/**
 * What a framed page of the embed was opened with (the loader's query string), and the
 * publisher's article it discusses: found by URL, or being imported (asked after again until
 * it is ready).
 */
export function useEmbeddedArticle() {
  const [params] = useSearchParams();
  const siteId = params.get('site') ?? '';
  const url = params.get('url') ?? '';
  const host = hostOriginOf(params.get('host'));
  const pageId = pageIdOf(params.get('page'));

  const embed = useQuery(
    `${siteId}|${url}`,
    (signal) => api.request<EmbedArticleResult>(EMBED_ARTICLE_QUERY, { siteId, url }, { signal }),
    Boolean(siteId && url),
  );
  const state = embed.data?.embedArticle;
  useEffect(() => {
    if (state?.state !== 'PENDING') return;
    const timer = setTimeout(embed.reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [state, embed.reload]);

  return { siteId, url, host, pageId, embed, state, framed: Boolean(siteId && url && host) };
}
