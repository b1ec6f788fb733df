-- The saga's, the orders' and the inventory's busy tables analyse a small sample (platform V14): with the default
-- target each analysis of saga_step, product_instance or product_order read 30,000 rows, 0.5-0.6 s of CPU in one
-- burst, about once a minute under 100 orders/s, and those bursts were most of the bench's p99
-- (docs/orchestration-saga.md, "Thirteenth round").
select platform_sample_statistics('saga');
select platform_sample_statistics('saga_step');
select platform_sample_statistics('product_order');
select platform_sample_statistics('product_instance');
select platform_sample_statistics('inventory_item');
select platform_sample_statistics('inventory_item_history');
