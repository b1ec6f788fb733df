-- What the partner disputes on each statement line of a dispute over several (relatedEntity[].disputedAmount): the
-- dispute's amount is their exact sum. Null on items recorded before (their split was not kept), on a dispute naming
-- no amount per line, and on items that are no statement line. The item's amount stays the line's own amount.
alter table dispute_item add column disputed_amount numeric(24, 6);
