-- CreateTable
CREATE TABLE "SiteIdentity" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SiteIdentity_userId_idx" ON "SiteIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SiteIdentity_siteId_subject_key" ON "SiteIdentity"("siteId", "subject");

-- AddForeignKey
ALTER TABLE "SiteIdentity" ADD CONSTRAINT "SiteIdentity_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteIdentity" ADD CONSTRAINT "SiteIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

