-- AlterTable
ALTER TABLE "Deal" ADD COLUMN "archivedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "fiscalYearStartMonth" INTEGER NOT NULL DEFAULT 1,
    "allowedBuyerDomains" TEXT NOT NULL DEFAULT '',
    "buyerInvitationDays" INTEGER NOT NULL DEFAULT 7,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("allowedBuyerDomains", "createdAt", "fiscalYearStartMonth", "id", "name", "timezone", "updatedAt", "version") SELECT "allowedBuyerDomains", "createdAt", "fiscalYearStartMonth", "id", "name", "timezone", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE TABLE "new_DealSignalCache" (
    "dealId" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "computedFor" TEXT NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "targetCloseDate" TEXT NOT NULL,
    "planState" TEXT,
    "planStatus" TEXT,
    "healthScore" INTEGER NOT NULL,
    "healthLabel" TEXT NOT NULL,
    "repCategory" TEXT NOT NULL,
    "derivedCategory" TEXT NOT NULL,
    "overCalled" BOOLEAN NOT NULL,
    "underCalled" BOOLEAN NOT NULL,
    "projectedOutsideQuarter" BOOLEAN NOT NULL,
    "stagePushed" BOOLEAN NOT NULL,
    "activeBuyerCount" INTEGER NOT NULL,
    "slippedCount" INTEGER NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "unreadableDate" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_DealSignalCache" ("activeBuyerCount", "amount", "computedFor", "currency", "dealId", "derivedCategory", "healthLabel", "healthScore", "organizationId", "outcome", "overCalled", "ownerId", "planState", "planStatus", "projectedOutsideQuarter", "repCategory", "slippedCount", "stage", "stagePushed", "stale", "targetCloseDate", "underCalled") SELECT "activeBuyerCount", "amount", "computedFor", "currency", "dealId", "derivedCategory", "healthLabel", "healthScore", "organizationId", "outcome", "overCalled", "ownerId", "planState", "planStatus", "projectedOutsideQuarter", "repCategory", "slippedCount", "stage", "stagePushed", "stale", "targetCloseDate", "underCalled" FROM "DealSignalCache";
DROP TABLE "DealSignalCache";
ALTER TABLE "new_DealSignalCache" RENAME TO "DealSignalCache";
CREATE INDEX "DealSignalCache_organizationId_ownerId_idx" ON "DealSignalCache"("organizationId", "ownerId");
CREATE INDEX "DealSignalCache_organizationId_stale_idx" ON "DealSignalCache"("organizationId", "stale");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

