-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "importKey" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "importedAuthorId" UUID;

-- CreateTable
CREATE TABLE "ImportedAuthor" (
    "id" UUID NOT NULL,
    "importKey" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "sourceId" TEXT,
    "claimedById" UUID,
    "claimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedAuthor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportedAuthor_importKey_key" ON "ImportedAuthor"("importKey");

-- CreateIndex
CREATE INDEX "ImportedAuthor_email_idx" ON "ImportedAuthor"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Article_importKey_key" ON "Article"("importKey");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_importKey_key" ON "Comment"("importKey");

-- CreateIndex
CREATE INDEX "Comment_importedAuthorId_idx" ON "Comment"("importedAuthorId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_importedAuthorId_fkey" FOREIGN KEY ("importedAuthorId") REFERENCES "ImportedAuthor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedAuthor" ADD CONSTRAINT "ImportedAuthor_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "importDigest" TEXT;

