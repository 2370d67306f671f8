-- CreateIndex
CREATE INDEX "Comment_status_reviewedAt_openFlagCount_statusReason_idx" ON "Comment"("status", "reviewedAt", "openFlagCount", "statusReason");

