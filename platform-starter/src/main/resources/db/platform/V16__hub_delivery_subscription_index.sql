-- Deleting a hub subscription (DELETE /hub/{id}) cascades to its deliveries, and every foreign key check of
-- hub_delivery.subscription_id looks them up by subscription. Only the pending deliveries were indexed by it
-- (hub_delivery_pending, partial), so the cascade read the whole table, which keeps every delivery of every
-- subscription for the retention period. ServiceBaselineTests now checks that every foreign key leads an index.
--
-- "if not exists": on a large hub_delivery build it beforehand with "concurrently" (docs/deploy-kubernetes.md,
-- "Upgrade and rollback"); this migration then leaves it as it is.
create index if not exists hub_delivery_subscription on hub_delivery (subscription_id);
