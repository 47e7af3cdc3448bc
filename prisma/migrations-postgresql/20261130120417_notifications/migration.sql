-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "emailKindsOffByDefault" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timezone" TEXT;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "timezone" TEXT;


-- CreateTable
CREATE TABLE "EmailPreference" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailPreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationCursor" (
    "key" TEXT NOT NULL,
    "through" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationCursor_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "DealWeekSnapshot" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealWeekSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerVisitDay" (
    "participantId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "views" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "lastViewAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuyerVisitDay_pkey" PRIMARY KEY ("participantId","day")
);

-- CreateTable
CREATE TABLE "BuyerStepOpen" (
    "participantId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "opens" INTEGER NOT NULL,
    "lastOpenedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuyerStepOpen_pkey" PRIMARY KEY ("participantId","milestoneId")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "planId" TEXT,
    "userId" TEXT,
    "participantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastFetchedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each earlier "stop these emails" becomes a preference turned off.
INSERT INTO "EmailPreference" ("id", "email", "kind", "enabled", "updatedAt")
SELECT "id", "email", "category", false, "createdAt" FROM "EmailSuppression";

-- DropTable
DROP TABLE "EmailSuppression";
