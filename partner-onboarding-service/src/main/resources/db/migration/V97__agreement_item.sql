-- TMF651 agreementItem: a version's written terms and conditions beyond its commercial terms, kept as the client
-- sent them (a JSON array of items, each with its termOrCondition list); empty when none were given.
alter table agreement add column agreement_item jsonb not null default '[]'::jsonb
    constraint agreement_item_is_array check (jsonb_typeof(agreement_item) = 'array');
