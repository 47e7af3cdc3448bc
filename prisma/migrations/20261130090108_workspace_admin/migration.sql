-- AlterTable
ALTER TABLE "Verification" ADD COLUMN "payload" TEXT;

-- CreateTable
CREATE TABLE "TeamManager" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("teamId", "userId"),
    CONSTRAINT "TeamManager_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamManager_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SellerInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "teamId" TEXT,
    "invitedByUserId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SellerInvitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SellerInvitation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InternalNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "authorUserId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InternalNote_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InternalNote_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganizationLogo" (
    "organizationId" TEXT NOT NULL PRIMARY KEY,
    "contentType" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrganizationLogo_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("allowedBuyerDomains", "buyerInvitationDays", "createdAt", "fiscalYearStartMonth", "id", "name", "timezone", "updatedAt", "version") SELECT "allowedBuyerDomains", "buyerInvitationDays", "createdAt", "fiscalYearStartMonth", "id", "name", "timezone", "updatedAt", "version" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL,
    "teamId" TEXT,
    "deactivatedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "deactivatedAt", "email", "id", "name", "organizationId", "role", "teamId", "updatedAt", "version") SELECT "createdAt", "deactivatedAt", "email", "id", "name", "organizationId", "role", "teamId", "updatedAt", "version" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_organizationId_teamId_idx" ON "User"("organizationId", "teamId");
CREATE TABLE "new_Template" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Template_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Template" ("createdAt", "id", "isDefault", "name", "organizationId", "version") SELECT "createdAt", "id", "isDefault", "name", "organizationId", "version" FROM "Template";
DROP TABLE "Template";
ALTER TABLE "new_Template" RENAME TO "Template";
CREATE INDEX "Template_organizationId_idx" ON "Template"("organizationId");
CREATE TABLE "new_TemplateMilestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "output" TEXT NOT NULL DEFAULT '',
    "ownerSide" TEXT NOT NULL,
    "ownerRole" TEXT,
    "ownerLabel" TEXT NOT NULL DEFAULT '',
    "dayOffset" INTEGER NOT NULL,
    "gatesStage" INTEGER,
    "internalOnly" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "TemplateMilestone_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TemplateMilestone" ("dayOffset", "gatesStage", "id", "output", "ownerLabel", "ownerRole", "ownerSide", "position", "templateId", "title") SELECT "dayOffset", "gatesStage", "id", "output", "ownerLabel", "ownerRole", "ownerSide", "position", "templateId", "title" FROM "TemplateMilestone";
DROP TABLE "TemplateMilestone";
ALTER TABLE "new_TemplateMilestone" RENAME TO "TemplateMilestone";
CREATE INDEX "TemplateMilestone_templateId_position_idx" ON "TemplateMilestone"("templateId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TeamManager_userId_idx" ON "TeamManager"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SellerInvitation_tokenHash_key" ON "SellerInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "SellerInvitation_organizationId_email_idx" ON "SellerInvitation"("organizationId", "email");

-- CreateIndex
CREATE INDEX "InternalNote_dealId_createdAt_idx" ON "InternalNote"("dealId", "createdAt");


-- A manager managed their own team until teams could have several managers.
INSERT INTO "TeamManager" ("teamId", "userId") SELECT "teamId", "id" FROM "User" WHERE "role" = 'MANAGER' AND "teamId" IS NOT NULL;
