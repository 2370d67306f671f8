-- Comment.articleId: the thread's article, so that an article's moderation queues read one
-- index range ((articleId, status, createdAt, id)) instead of filtering the whole site's
-- status index by the article's threads. A trigger keeps it from the thread, however the comment
-- is written (Prisma, the site-history importer's bulk INSERT, COPY). Only a thread inserted by
-- the same statement is invisible to it: posting gives the article itself then
-- (comments/comment.service.ts). Threads never move to another article.
ALTER TABLE "Comment" ADD COLUMN "articleId" UUID;

UPDATE "Comment" c SET "articleId" = t."articleId" FROM "Thread" t WHERE t.id = c."threadId";

CREATE FUNCTION comment_article_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."articleId" := coalesce((SELECT t."articleId" FROM "Thread" t WHERE t.id = NEW."threadId"), NEW."articleId");
  RETURN NEW;
END
$$;

CREATE TRIGGER comment_article_id BEFORE INSERT OR UPDATE OF "threadId", "articleId" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION comment_article_id();

-- CreateIndex
CREATE INDEX "Comment_articleId_status_createdAt_id_idx" ON "Comment"("articleId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_articleId_openFlagCount_createdAt_id_idx" ON "Comment"("articleId", "openFlagCount", "createdAt", "id");
