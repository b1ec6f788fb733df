-- The fulfilment saga's two hot searches start at the front of an index that every order's progress leaves dead
-- entries in, until the table is vacuumed: the due-saga search (saga_due, next_run_at of RUNNING and COMPENSATING
-- sagas; each completed saga leaves its entry) and the next available item of a pool (inventory_item_pick; each
-- reserved item leaves its AVAILABLE entry). With the default thresholds (a fifth of the table) those tables were
-- vacuumed after tens of thousands of orders, and under ./accord bench orders each due-saga search read about 700
-- buffers and each reservation about 200 (docs/orchestration-saga.md, "Ninth round"). Vacuumed after 2,000 dead
-- rows instead (at most once per autovacuum_naptime, a minute by default; a vacuum of either took 40-60 ms with
-- 140,000 sagas and 625,000 items), the searches read about 90 and 75.
alter table saga set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000);
alter table inventory_item set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000);
