-- CreateTable
CREATE TABLE "DealSignalCache" (
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
    "slippedCount" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "DealSignalCache_organizationId_ownerId_idx" ON "DealSignalCache"("organizationId", "ownerId");

-- CreateIndex
CREATE INDEX "DealSignalCache_organizationId_stale_idx" ON "DealSignalCache"("organizationId", "stale");

