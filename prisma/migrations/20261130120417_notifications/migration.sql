-- AlterTable
ALTER TABLE "User" ADD COLUMN "timezone" TEXT;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "timezone" TEXT;


-- CreateTable
CREATE TABLE "EmailPreference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NotificationCursor" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "through" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DealWeekSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "weekOf" TEXT NOT NULL,
    "healthLabel" TEXT NOT NULL,
    "healthScore" INTEGER NOT NULL,
    "repCategory" TEXT NOT NULL,
    "derivedCategory" TEXT NOT NULL,
    "projectedOutsideQuarter" BOOLEAN NOT NULL,
    "stage" INTEGER NOT NULL,
    "targetCloseDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BuyerVisitDay" (
    "participantId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "views" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "lastViewAt" DATETIME NOT NULL,

    PRIMARY KEY ("participantId", "day")
);

-- CreateTable
CREATE TABLE "BuyerStepOpen" (
    "participantId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "opens" INTEGER NOT NULL,
    "lastOpenedAt" DATETIME NOT NULL,

    PRIMARY KEY ("participantId", "milestoneId")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "planId" TEXT,
    "userId" TEXT,
    "participantId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "lastFetchedAt" DATETIME,
    CONSTRAINT "CalendarFeed_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "planDomainFromBuyer" BOOLEAN NOT NULL DEFAULT false,
    "ownDomains" TEXT NOT NULL DEFAULT '',
    "joinByDomain" BOOLEAN NOT NULL DEFAULT false,
    "accentColor" TEXT,
    "emailKindsOffByDefault" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("accentColor", "allowedBuyerDomains", "buyerInvitationDays", "createdAt", "fiscalYearStartMonth", "id", "joinByDomain", "name", "ownDomains", "planDomainFromBuyer", "timezone", "updatedAt", "version") SELECT "accentColor", "allowedBuyerDomains", "buyerInvitationDays", "createdAt", "fiscalYearStartMonth", "id", "joinByDomain", "name", "ownDomains", "planDomainFromBuyer", "timezone", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EmailPreference_email_kind_key" ON "EmailPreference"("email", "kind");

-- CreateIndex
CREATE INDEX "DealWeekSnapshot_organizationId_weekOf_idx" ON "DealWeekSnapshot"("organizationId", "weekOf");

-- CreateIndex
CREATE UNIQUE INDEX "DealWeekSnapshot_dealId_weekOf_key" ON "DealWeekSnapshot"("dealId", "weekOf");

-- CreateIndex
CREATE INDEX "BuyerVisitDay_planId_day_idx" ON "BuyerVisitDay"("planId", "day");

-- CreateIndex
CREATE INDEX "BuyerStepOpen_planId_idx" ON "BuyerStepOpen"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_organizationId_planId_idx" ON "CalendarFeed"("organizationId", "planId");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");

-- Each earlier "stop these emails" becomes a preference turned off.
INSERT INTO "EmailPreference" ("id", "email", "kind", "enabled", "updatedAt")
SELECT "id", "email", "category", false, "createdAt" FROM "EmailSuppression";

-- DropTable
DROP INDEX "EmailSuppression_email_category_key";
DROP TABLE "EmailSuppression";
