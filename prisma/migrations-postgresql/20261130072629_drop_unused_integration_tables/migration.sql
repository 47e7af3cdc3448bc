-- DropForeignKey
ALTER TABLE "ApiToken" DROP CONSTRAINT "ApiToken_organizationId_fkey";

-- DropForeignKey
ALTER TABLE "WebhookEndpoint" DROP CONSTRAINT "WebhookEndpoint_organizationId_fkey";

-- DropForeignKey
ALTER TABLE "WebhookDelivery" DROP CONSTRAINT "WebhookDelivery_endpointId_fkey";

-- DropTable
DROP TABLE "ApiToken";

-- DropTable
DROP TABLE "WebhookEndpoint";

-- DropTable
DROP TABLE "WebhookDelivery";

