-- A PROPOSED FX rate may be rejected with a reason: by a second finance user, or withdrawn by whoever loaded or
-- corrected it. REJECTED is final: the row is kept (who, when, why) and never in force. A rejected first load no longer
-- holds its pair and valid_from, so the right rate can be loaded for that instant.
alter table fx_rate drop constraint fx_rate_state_check;
alter table fx_rate add constraint fx_rate_state_check
    check (state in ('PROPOSED', 'CONFIRMED', 'SUPERSEDED', 'REJECTED'));
alter table fx_rate
    add column rejected_by      varchar(200),
    add column rejected_at      timestamptz,
    add column rejection_reason varchar(500);

drop index fx_rate_one_load;
create unique index fx_rate_one_load on fx_rate (base_currency, quote_currency, valid_from)
    where corrects is null and state <> 'REJECTED';
