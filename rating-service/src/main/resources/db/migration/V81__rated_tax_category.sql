-- The tax category of the usage price version a record was rated with (the catalog's OfferingPrice.taxCategory),
-- published on usage.rated.v1 as UsageRated.taxCategory for settlement's billing-on-behalf data. A reversal copies
-- the category of the record it reverses. Null for a price naming none and for the rows rated before this column
-- existed (they are not backfilled: their events carried no category either). Nullable without a default, so
-- adding it does not rewrite the table.
alter table usage_rated add column tax_category text;
