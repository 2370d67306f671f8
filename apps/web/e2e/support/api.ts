/** Direct GraphQL calls for arranging state that the spec at hand is not about. */
import { baseUrl } from './browser.ts';

export async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface ArticleText {
  id: string;
  slug: string;
  revision: { text: string };
}

export async function articleBySlug(slug: string): Promise<ArticleText> {
  const data = await gql<{ article: ArticleText | null }>(
    'query($slug: String!) { article(slug: $slug) { id slug revision { text } } }',
    { slug },
  );
  if (!data.article) throw new Error(`no article ${slug}`);
  return data.article;
}

export async function articleSlugByTitle(title: string): Promise<string> {
  const data = await gql<{ articles: { nodes: Array<{ slug: string; title: string }> } }>(
    'query($title: String) { articles(search: $title, first: 50) { nodes { slug title } } }',
    { title },
  );
  const found = data.articles.nodes.find((a) => a.title === title);
  if (!found) throw new Error(`no article titled ${title}`);
  return found.slug;
}

/** Starts a thread on `passage` (its first occurrence) with code-point offsets, as the client does. */
export async function commentOnPassage(
  token: string,
  article: ArticleText,
  passage: string,
  body: string,
): Promise<{ threadId: string; commentId: string }> {
  const at = article.revision.text.indexOf(passage);
  if (at < 0) throw new Error('passage not in the text');
  const start = Array.from(article.revision.text.slice(0, at)).length;
  const end = start + Array.from(passage).length;
  const data = await gql<{ createThread: { id: string; comments: Array<{ id: string }> } }>(
    'mutation($input: CreateThreadInput!) { createThread(input: $input) { id comments { id } } }',
    { input: { articleId: article.id, body, selector: { start, end, exact: passage } } },
    token,
  );
  return { threadId: data.createThread.id, commentId: data.createThread.comments[0]!.id };
}

export async function waitForStatus(token: string, commentId: string, status: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const data = await gql<{ comment: { comment: { status: string } } }>(
      'query($id: ID!) { comment(id: $id) { comment { status } } }',
      { id: commentId },
      token,
    );
    last = data.comment.comment.status;
    if (last === status) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`comment ${commentId} stayed ${last}, expected ${status}`);
}

export async function loginViaApi(who: { email: string; password: string }): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: who },
  );
  return data.login.accessToken;
}

/** Imports Markdown as an admin and waits for the job; returns the article's slug. */
export async function importMarkdown(adminToken: string, markdown: string, slug: string): Promise<string> {
  const { importArticle } = await gql<{ importArticle: { id: string } }>(
    'mutation($input: ImportArticleInput!) { importArticle(input: $input) { id } }',
    { input: { markdown, format: 'markdown', slug } },
    adminToken,
  );
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { importJob } = await gql<{
      importJob: { status: string; articleSlug: string | null; error: string | null };
    }>('query($id: ID!) { importJob(id: $id) { status articleSlug error } }', { id: importArticle.id }, adminToken);
    if (importJob.status === 'SUCCEEDED') return importJob.articleSlug!;
    if (importJob.status === 'FAILED') throw new Error(`import failed: ${importJob.error}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('import did not finish');
}
