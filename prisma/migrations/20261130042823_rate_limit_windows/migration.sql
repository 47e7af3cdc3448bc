-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "resetAtMs" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "RateLimitWindow_resetAtMs_idx" ON "RateLimitWindow"("resetAtMs");

