-- CreateTable
CREATE TABLE "DealStageChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "fromStage" INTEGER,
    "toStage" INTEGER NOT NULL,
    "changedOn" TEXT NOT NULL,
    "daysInFromStage" INTEGER,
    "changedById" TEXT,
    "changedByName" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DealStageChange_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DealCloseDateChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "daysMoved" INTEGER NOT NULL,
    "changedOn" TEXT NOT NULL,
    "changedById" TEXT,
    "changedByName" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DealCloseDateChange_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForecastCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "weekOf" TEXT NOT NULL,
    "repCategory" TEXT NOT NULL,
    "derivedCategory" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "targetCloseDate" TEXT NOT NULL,
    "quarterStart" TEXT NOT NULL,
    "quarterEnd" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ForecastCall_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StakeholderRole" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "strength" TEXT NOT NULL,
    "participantId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StakeholderRole_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DealReviewNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "weekOf" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DealReviewNote_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DealStageChange_organizationId_changedOn_idx" ON "DealStageChange"("organizationId", "changedOn");

-- CreateIndex
CREATE INDEX "DealStageChange_dealId_at_idx" ON "DealStageChange"("dealId", "at");

-- CreateIndex
CREATE INDEX "DealCloseDateChange_organizationId_changedOn_idx" ON "DealCloseDateChange"("organizationId", "changedOn");

-- CreateIndex
CREATE INDEX "DealCloseDateChange_dealId_at_idx" ON "DealCloseDateChange"("dealId", "at");

-- CreateIndex
CREATE INDEX "ForecastCall_organizationId_quarterEnd_idx" ON "ForecastCall"("organizationId", "quarterEnd");

-- CreateIndex
CREATE UNIQUE INDEX "ForecastCall_dealId_weekOf_key" ON "ForecastCall"("dealId", "weekOf");

-- CreateIndex
CREATE INDEX "StakeholderRole_organizationId_idx" ON "StakeholderRole"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "StakeholderRole_dealId_role_key" ON "StakeholderRole"("dealId", "role");

-- CreateIndex
CREATE INDEX "DealReviewNote_dealId_weekOf_idx" ON "DealReviewNote"("dealId", "weekOf");

-- CreateIndex
CREATE INDEX "DealReviewNote_organizationId_weekOf_idx" ON "DealReviewNote"("organizationId", "weekOf");


-- Every existing deal opened at its current stage on the day it was created (UTC): stage history
-- starts here, and its sales cycle is measured from this row.
INSERT INTO "DealStageChange" ("id", "organizationId", "dealId", "fromStage", "toStage", "changedOn", "changedByName", "at")
SELECT 'opened-' || "id", "organizationId", "id", NULL, "stage",
       CASE WHEN typeof("createdAt") = 'integer' THEN strftime('%Y-%m-%d', "createdAt" / 1000, 'unixepoch') ELSE substr("createdAt", 1, 10) END,
       'Mutual', "createdAt"
FROM "Deal";
