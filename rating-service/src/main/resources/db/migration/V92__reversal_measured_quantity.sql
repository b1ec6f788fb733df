-- A re-rating's REVERSAL row negates every quantity and amount of the rating it reverses; until now its measured
-- quantity (`quantity`, the usage as it came in: the fate API's and the export's measuredQuantity) was copied
-- unnegated. The rows written before the fix are negated here, so that a reversal and the rating it reverses net
-- to zero in that column too (docs/rating-usage-api.md). Only reversal rows (they name the rating they reverse) with a
-- positive quantity change; a usage's own quantity is never negative, so nothing is negated twice. Rollups, the
-- published events and settlement do not use this column (they take billed_quantity), so nothing else moves.
update usage_rated set quantity = -quantity
where kind = 'REVERSAL' and reversal_of is not null and quantity > 0;
