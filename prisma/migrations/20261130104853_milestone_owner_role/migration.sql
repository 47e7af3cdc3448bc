-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN "ownerRole" TEXT;

