-- CreateTable
CREATE TABLE "ModerationQueueCount" (
    "articleId" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ModerationQueueCount_pkey" PRIMARY KEY ("articleId","queue")
);

-- CreateTable
CREATE TABLE "ModerationQueueDelta" (
    "id" BIGSERIAL NOT NULL,
    "articleId" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "ModerationQueueDelta_pkey" PRIMARY KEY ("id")
);


-- The queues a comment is in: the same rules as queuesOf() in
-- apps/api/src/moderation/queues/queue-membership.ts (a spec keeps them in step).
CREATE FUNCTION moderation_queues_of(status "CommentStatus", reason TEXT, open_flags INTEGER, reviewed TIMESTAMP(3))
RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN status = 'HELD' AND reason IS DISTINCT FROM 'FLAGGED' THEN 'PENDING' END,
    CASE WHEN (status = 'PUBLISHED' AND open_flags > 0) OR (status = 'HELD' AND reason = 'FLAGGED') THEN 'REPORTED' END,
    CASE WHEN status = 'PUBLISHED' AND reviewed IS NULL THEN 'UNMODERATED' END,
    CASE WHEN status = 'PUBLISHED' AND reviewed IS NOT NULL THEN 'APPROVED' END,
    CASE WHEN status = 'REJECTED' THEN 'REJECTED' END
  ], NULL)
$$;

-- One statement-level trigger per kind of change: it appends the net membership changes
-- of the whole statement, per article and queue. Appends never wait on each other, so
-- concurrent decisions on one article do not queue behind a counter row.
CREATE FUNCTION moderation_queue_deltas() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ModerationQueueDelta" ("articleId", queue, delta)
    SELECT t."articleId", q.queue, count(*)::int
    FROM new_rows c
    CROSS JOIN LATERAL unnest(moderation_queues_of(c.status, c."statusReason", c."openFlagCount", c."reviewedAt")) AS q(queue)
    JOIN "Thread" t ON t.id = c."threadId"
    GROUP BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ModerationQueueDelta" ("articleId", queue, delta)
    SELECT t."articleId", q.queue, -count(*)::int
    FROM old_rows c
    CROSS JOIN LATERAL unnest(moderation_queues_of(c.status, c."statusReason", c."openFlagCount", c."reviewedAt")) AS q(queue)
    JOIN "Thread" t ON t.id = c."threadId"
    GROUP BY 1, 2;
  ELSE
    INSERT INTO "ModerationQueueDelta" ("articleId", queue, delta)
    SELECT t."articleId", d.queue, sum(d.delta)::int
    FROM (
      SELECT c."threadId", q.queue, 1 AS delta
      FROM new_rows c
      CROSS JOIN LATERAL unnest(moderation_queues_of(c.status, c."statusReason", c."openFlagCount", c."reviewedAt")) AS q(queue)
      UNION ALL
      SELECT c."threadId", q.queue, -1
      FROM old_rows c
      CROSS JOIN LATERAL unnest(moderation_queues_of(c.status, c."statusReason", c."openFlagCount", c."reviewedAt")) AS q(queue)
    ) d
    JOIN "Thread" t ON t.id = d."threadId"
    GROUP BY 1, 2
    HAVING sum(d.delta) <> 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Comment_queue_counts_insert" AFTER INSERT ON "Comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moderation_queue_deltas();
CREATE TRIGGER "Comment_queue_counts_update" AFTER UPDATE ON "Comment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moderation_queue_deltas();
CREATE TRIGGER "Comment_queue_counts_delete" AFTER DELETE ON "Comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION moderation_queue_deltas();

-- The comments already there, per article and for the whole site (the all-zero article id).
INSERT INTO "ModerationQueueCount" ("articleId", queue, count)
SELECT t."articleId", q.queue, count(*)::int
FROM "Comment" c
CROSS JOIN LATERAL unnest(moderation_queues_of(c.status, c."statusReason", c."openFlagCount", c."reviewedAt")) AS q(queue)
JOIN "Thread" t ON t.id = c."threadId"
GROUP BY 1, 2;
INSERT INTO "ModerationQueueCount" ("articleId", queue, count)
SELECT '00000000-0000-0000-0000-000000000000', queue, sum(count)::int FROM "ModerationQueueCount" GROUP BY queue;
