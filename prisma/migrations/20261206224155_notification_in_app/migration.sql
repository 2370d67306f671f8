-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "inApp" BOOLEAN NOT NULL DEFAULT true;

