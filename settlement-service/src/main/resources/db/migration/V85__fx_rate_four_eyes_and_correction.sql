-- FX rates under four-eyes, correctable before a statement using them is issued, and the rate a line used kept by id.
-- A loaded or corrected rate is PROPOSED until a second finance user confirms it; only CONFIRMED rates convert.
-- Rates loaded before this migration count as confirmed (confirmed_by stays null: nobody confirmed them).
-- A correction is a new row of the same pair and valid_from that `corrects` the version it replaces; once it is
-- confirmed, every other version of that pair and valid_from is SUPERSEDED (kept, with who, when and why).
alter table fx_rate
    add column state             varchar(16) not null default 'CONFIRMED'
        check (state in ('PROPOSED', 'CONFIRMED', 'SUPERSEDED')),
    add column confirmed_by      varchar(200),
    add column confirmed_at      timestamptz,
    add column corrects          uuid references fx_rate (id),
    add column correction_reason varchar(500),
    add column superseded_by_rate uuid references fx_rate (id),
    add column superseded_by     varchar(200),
    add column superseded_at     timestamptz,
    add column supersession_reason varchar(500);
alter table fx_rate alter column state drop default;

-- one load per pair and valid_from (a second is a correction), one confirmed version, one pending correction per rate
alter table fx_rate drop constraint fx_rate_base_currency_quote_currency_valid_from_key;
create unique index fx_rate_one_load on fx_rate (base_currency, quote_currency, valid_from) where corrects is null;
create unique index fx_rate_one_confirmed on fx_rate (base_currency, quote_currency, valid_from)
    where state = 'CONFIRMED';
create unique index fx_rate_one_pending_correction on fx_rate (corrects) where state = 'PROPOSED';
create index fx_rate_corrects on fx_rate (corrects);
create index fx_rate_superseded_by_rate on fx_rate (superseded_by_rate);

-- the rate a converted line used; lines drafted before: the pair's rate in force before the period end, when its
-- value is the one the line shows, among the rates loaded by the time it was drafted (no match: none)
alter table statement_line add column fx_rate_id uuid references fx_rate (id);
create index statement_line_fx_rate on statement_line (fx_rate_id);
update statement_line line
set fx_rate_id = (select used.id
                  from (select r.id, r.rate
                        from fx_rate r
                                 join statement s on s.id = line.statement_id
                                 join settlement_period p on p.id = s.period_id
                        where r.base_currency = line.source_currency
                          and r.quote_currency = s.currency
                          and r.valid_from < p.end_at
                          and r.loaded_at <= s.created_at
                        order by r.valid_from desc
                        limit 1) used
                  where used.rate = line.fx_rate)
where line.fx_rate is not null;
