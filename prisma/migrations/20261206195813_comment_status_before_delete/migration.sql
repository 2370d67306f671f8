-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "statusBeforeDelete" "CommentStatus";

