-- Incremental snapshots (docs/rating-read-models.md): a product change no longer makes the model re-read every row.
-- Each product row keeps the revision its newest change counted; rows changed before V84 keep null and are read by
-- the full build every service start makes. structure_revision counts the changes of prices, offerings and
-- agreements, which still rebuild the whole snapshot (every instance is compiled against them).
alter table rating_product add column revision bigint;
create index rating_product_revision on rating_product (revision);
alter table rating_model_revision add column structure_revision bigint not null default 0;
