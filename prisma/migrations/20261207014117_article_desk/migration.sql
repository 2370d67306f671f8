-- CreateEnum
CREATE TYPE "ArticleState" AS ENUM ('PUBLISHED', 'UNPUBLISHED', 'ARCHIVED');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "commentsClosesAt" TIMESTAMP(3),
ADD COLUMN     "commentsOpen" BOOLEAN,
ADD COLUMN     "state" "ArticleState" NOT NULL DEFAULT 'PUBLISHED';

-- CreateTable
CREATE TABLE "UserMute" (
    "userId" UUID NOT NULL,
    "mutedUserId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserMute_pkey" PRIMARY KEY ("userId","mutedUserId")
);

-- CreateTable
CREATE TABLE "ArticleSlugRedirect" (
    "slug" TEXT NOT NULL,
    "articleId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleSlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "UserMute_mutedUserId_idx" ON "UserMute"("mutedUserId");

-- CreateIndex
CREATE INDEX "ArticleSlugRedirect_articleId_idx" ON "ArticleSlugRedirect"("articleId");

-- CreateIndex
CREATE INDEX "Article_commentsClosesAt_idx" ON "Article"("commentsClosesAt");

-- AddForeignKey
ALTER TABLE "UserMute" ADD CONSTRAINT "UserMute_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserMute" ADD CONSTRAINT "UserMute_mutedUserId_fkey" FOREIGN KEY ("mutedUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleSlugRedirect" ADD CONSTRAINT "ArticleSlugRedirect_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

