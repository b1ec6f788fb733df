-- Rates loaded before V85 count as confirmed but have no confirmed_at: they were in force from their load on, so the
-- as-of query (GET /fx-rates/in-force?knownAt=) reads them as confirmed at loaded_at. Only rows loaded before V85 was
-- applied: a version proposed since and superseded before anyone confirmed it was never in force and keeps null.
update fx_rate
set confirmed_at = loaded_at
where confirmed_at is null
  and state <> 'PROPOSED'
  and loaded_at < (select min(installed_on) from flyway_schema_history where version = '85');
