-- A waiting bank account change has an id that its confirmation must name (a new request gets a new id), and
-- the person who requested it: the token subject (immutable, compared for four-eyes) and the user name (shown).
alter table partner
    add column pending_bank_change_id         uuid,
    add column pending_bank_requested_by      varchar(255),
    add column pending_bank_requested_by_name varchar(255);

update partner set pending_bank_change_id = gen_random_uuid() where pending_iban is not null;
