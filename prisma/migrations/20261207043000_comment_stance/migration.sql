-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('AGREE', 'DISAGREE', 'QUESTION', 'EVIDENCE');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "stance" "Stance";
