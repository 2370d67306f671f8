// Load and bookkeeping for the fault specs: a steady stream of posts (and reads) over real
// HTTP, every attempt recorded, and the database checks behind "nothing lost, exactly once".
// Structural types only: any API process (TestApi, ApiChild) can be a target.
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { eventually } from '../eventually.js';

export interface Answer<T> {
  status: number;
  networkError?: string;
  text: string;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** An API process, as the traffic sees it. */
export interface Target {
  url: string;
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer<T>>;
}

export interface Author {
  token: string;
  userId: string;
}

export interface Attempt {
  /** Unique per attempt: finds the comment in the database whatever the answer was. */
  body: string;
  api: string;
  kind: 'thread' | 'reply' | 'read';
  startedAt: number;
  endedAt: number;
  status: number;
  networkError?: string;
  code?: string;
  /** Set when the answer carried the new comment. */
  commentId?: string;
}

const CREATE_THREAD = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }';
const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id } }';
const READ = 'query($slug: String!) { article(slug: $slug) { threads { id commentCount comments { id status } } } }';

/** Comments a user may post per minute (comments/comment.service.ts); each author stays under it. */
export const POSTS_PER_AUTHOR = 9;

export interface TrafficOptions {
  targets: Target[];
  authors: Author[];
  article: { id: string; slug: string };
  /** A PUBLISHED comment that every other post of an author replies to. */
  parentId: string;
  /** Pause between two posts of one author. */
  paceMs: number;
  /** Concurrent readers of the article's threads (anonymous). */
  readers?: number;
  postsPerAuthor?: number;
}

/**
 * Every author posts in turn to the targets (round robin) until their quota is used or the
 * traffic is stopped; readers read until it is stopped. Nothing throws: every attempt,
 * answered or not, is recorded for the spec to judge.
 */
export class Traffic {
  readonly attempts: Attempt[] = [];
  private stopped = false;
  private readonly lanes: Array<Promise<void>>;
  private counter = 0;

  constructor(
    private readonly options: TrafficOptions,
    private readonly tag: string,
  ) {
    const quota = options.postsPerAuthor ?? POSTS_PER_AUTHOR;
    this.lanes = [
      ...options.authors.map((author, lane) => this.postLane(author, lane, quota)),
      ...Array.from({ length: options.readers ?? 0 }, (_, lane) => this.readLane(lane)),
    ];
  }

  /** Posting and reading ends; resolves once every request under way has its answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.lanes);
  }

  /** Resolves when every author used their quota (readers keep going until stop()). */
  async posted(): Promise<void> {
    await Promise.all(this.lanes.slice(0, this.options.authors.length));
  }

  posts(): Attempt[] {
    return this.attempts.filter((a) => a.kind !== 'read');
  }

  accepted(): Attempt[] {
    return this.posts().filter((a) => a.status === 200 && a.commentId);
  }

  reads(): Attempt[] {
    return this.attempts.filter((a) => a.kind === 'read');
  }

  private async postLane(author: Author, lane: number, quota: number): Promise<void> {
    for (let n = 0; n < quota && !this.stopped; n++) {
      const target = this.options.targets[(lane + n) % this.options.targets.length]!;
      const kind = n % 2 === 0 ? 'thread' : 'reply';
      const body = `${this.tag} post ${++this.counter} from ${lane}: margins ${n}`;
      const startedAt = Date.now();
      const res =
        kind === 'thread'
          ? await target.gql<{ createThread: { comments: Array<{ id: string }> } }>(
              CREATE_THREAD,
              { input: { articleId: this.options.article.id, body } },
              author.token,
            )
          : await target.gql<{ reply: { id: string } }>(
              REPLY,
              { input: { parentId: this.options.parentId, body } },
              author.token,
            );
      const data = res.data as { createThread?: { comments: Array<{ id: string }> }; reply?: { id: string } } | null;
      this.record(target, kind, body, startedAt, res, data?.createThread?.comments[0]?.id ?? data?.reply?.id);
      await new Promise((r) => setTimeout(r, this.options.paceMs));
    }
  }

  private async readLane(lane: number): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      const target = this.options.targets[(lane + n) % this.options.targets.length]!;
      const startedAt = Date.now();
      const res = await target.gql<{ article: { threads: unknown[] } | null }>(READ, {
        slug: this.options.article.slug,
      });
      const ok = Array.isArray(res.data?.article?.threads);
      this.record(target, 'read', `read ${lane}.${n}`, startedAt, res, ok ? 'read' : undefined);
      await new Promise((r) => setTimeout(r, this.options.paceMs));
    }
  }

  private record(
    target: Target,
    kind: Attempt['kind'],
    body: string,
    startedAt: number,
    res: Answer<unknown>,
    commentId: string | undefined,
  ): void {
    const code = res.errors?.[0]?.extensions?.['code'];
    this.attempts.push({
      body,
      api: target.url,
      kind,
      startedAt,
      endedAt: Date.now(),
      status: res.status,
      ...(res.networkError ? { networkError: res.networkError } : {}),
      ...(typeof code === 'string' ? { code } : {}),
      ...(commentId && !res.errors ? { commentId } : {}),
    });
  }
}

/** One line per kind of outcome, for assertion messages: "200 ok ×40, 0 ECONNREFUSED ×3". */
export function summarize(attempts: Attempt[]): string {
  const counts = new Map<string, number>();
  for (const a of attempts) {
    const key = `${a.kind} ${a.status} ${a.networkError ?? a.code ?? (a.commentId ? 'ok' : 'no data')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(', ');
}

export interface CommentAudit {
  id: string;
  body: string;
  status: string;
  /** Decisions made by the system (the pipeline): exactly one per comment. */
  systemActions: number;
  actions: number;
}

/** Every comment of the article posted by this traffic (found by its tagged body), with its audit rows. */
export async function auditComments(prisma: PrismaClient, articleId: string, tag: string): Promise<CommentAudit[]> {
  return prisma.$queryRaw<CommentAudit[]>`
    SELECT c.id::text AS id, c."bodySource" AS body, c.status::text AS status,
           (count(a.id) FILTER (WHERE a."actorId" IS NULL))::int AS "systemActions",
           count(a.id)::int AS actions
    FROM "Comment" c JOIN "Thread" t ON t.id = c."threadId"
    LEFT JOIN "ModerationAction" a ON a."commentId" = c.id
    WHERE t."articleId" = ${articleId}::uuid AND c."bodySource" LIKE ${`${tag} post %`}
    GROUP BY c.id`;
}

/** Waits until none of the traffic's comments is PENDING any more; returns the final audit. */
export async function waitAllDecided(
  prisma: PrismaClient,
  articleId: string,
  tag: string,
  timeoutMs = 60_000,
): Promise<CommentAudit[]> {
  let audit: CommentAudit[] = [];
  const pending = (): CommentAudit[] => audit.filter((c) => c.status === 'PENDING');
  return eventually(
    async () => {
      audit = await auditComments(prisma, articleId, tag);
      return pending().length === 0 && audit;
    },
    { timeoutMs, intervalMs: 200 },
  ).catch(() => {
    throw new Error(`${pending().length} of ${audit.length} comments are still PENDING`);
  });
}

/**
 * The "nothing lost, exactly once" verdict: every accepted post is in the database and
 * every comment the traffic left there was decided by the pipeline exactly once. Returns
 * the problems found (empty when all is well), so a failure lists them all.
 */
export function exactlyOnceProblems(traffic: Traffic, audit: CommentAudit[]): string[] {
  const problems: string[] = [];
  const byId = new Map(audit.map((c) => [c.id, c]));
  for (const post of traffic.accepted()) {
    const comment = byId.get(post.commentId!);
    if (!comment) problems.push(`accepted post ${post.commentId} (“${post.body}”) is not in the database`);
    else if (comment.body !== post.body) problems.push(`comment ${post.commentId} has another body`);
  }
  for (const comment of audit) {
    if (comment.status === 'PENDING') problems.push(`comment ${comment.id} was never moderated`);
    if (comment.systemActions !== 1)
      problems.push(
        `comment ${comment.id} has ${comment.systemActions} pipeline decisions (${comment.actions} in all)`,
      );
  }
  const bodies = new Set<string>();
  for (const comment of audit) {
    if (bodies.has(comment.body)) problems.push(`“${comment.body}” was stored twice`);
    bodies.add(comment.body);
  }
  return problems;
}

/** A PUBLISHED page-level comment to reply to, written straight to the database. */
export async function seedParent(prisma: PrismaClient, articleId: string, authorId: string): Promise<string> {
  const thread = await prisma.thread.create({ data: { articleId } });
  const comment = await prisma.comment.create({
    data: {
      threadId: thread.id,
      authorId,
      bodySource: 'Replies gather here.',
      bodyHtml: '<p>Replies gather here.</p>',
      status: 'PUBLISHED',
    },
  });
  return comment.id;
}
