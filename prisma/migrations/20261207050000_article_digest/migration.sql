-- CreateTable
CREATE TABLE "ArticleDigest" (
    "articleId" UUID NOT NULL,
    "digest" JSONB NOT NULL,
    "sourceCommentIds" UUID[],
    "commentCount" INTEGER NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleDigest_pkey" PRIMARY KEY ("articleId")
);

-- AddForeignKey
ALTER TABLE "ArticleDigest" ADD CONSTRAINT "ArticleDigest_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
