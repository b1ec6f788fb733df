-- Effective-dated exchange rates loaded by finance: 1 base = rate quote, in force from valid_from until the next
-- rate of the pair. Rows are never changed; a correction is a new rate (audited like every load).
create table fx_rate (
    id             uuid primary key,
    base_currency  char(3)        not null,
    quote_currency char(3)        not null,
    rate           numeric(24, 10) not null check (rate > 0),
    valid_from     timestamptz    not null,
    loaded_by      varchar(200)   not null,
    loaded_at      timestamptz    not null,
    unique (base_currency, quote_currency, valid_from)
);
