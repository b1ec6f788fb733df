-- Who uploaded each evidence version, by side: PARTNER (the dispute's partner's user), STAFF (ours) or SYSTEM, taken
-- from the uploader's token from now on. It decides what a partner sees (a staff user as "Accord"); it used to be
-- inferred from the uploader's name on every read.
alter table dispute_attachment_version add column uploader_side varchar(16);

-- Existing versions get the side that inference gave them: system as it is; the partner's when the name acted as the
-- partner on this dispute (opened it, commented as the partner, made a partner's step: recorded as the partner's, or,
-- recorded before steps kept their side, a rejection, withdrawal or acceptance; rejected its proposal) or on any other
-- dispute of the partner (opened one, commented as the partner, made a step recorded as the partner's); else staff.
update dispute_attachment_version v
set uploader_side = case
    when v.uploaded_by = 'system' then 'SYSTEM'
    when v.uploaded_by = d.proposal ->> 'rejectedBy'
        or exists (select 1 from jsonb_array_elements(d.history) change
                   where change ->> 'by' = v.uploaded_by
                     and (change ->> 'side' = 'PARTNER'
                          or (change ->> 'side' is null
                              and change ->> 'state' in ('rejected', 'withdrawn', 'accepted', 'resolved'))))
        or exists (select 1 from dispute o
                   where o.partner_id = d.partner_id and o.source = 'PARTNER' and o.opened_by = v.uploaded_by)
        or exists (select 1 from dispute_comment c join dispute o on o.id = c.dispute_id
                   where o.partner_id = d.partner_id and c.author_side = 'PARTNER' and c.author = v.uploaded_by)
        or exists (select 1 from dispute o cross join jsonb_array_elements(o.history) change
                   where o.partner_id = d.partner_id and change ->> 'side' = 'PARTNER'
                     and change ->> 'by' = v.uploaded_by)
        then 'PARTNER'
    else 'STAFF'
end
from dispute_attachment a
join dispute d on d.id = a.dispute_id
where a.id = v.attachment_id;

alter table dispute_attachment_version alter column uploader_side set not null;
alter table dispute_attachment_version add constraint dispute_attachment_version_uploader_side
    check (uploader_side in ('PARTNER', 'STAFF', 'SYSTEM'));
