-- A partner named as co-creator of another partner's offering takes part only once one of its partner admins
-- accepts (its share binds it once the offering launches): until then it is PENDING, sees only its invitation, and
-- the draft is not submitted. The CSP's co-creators take part at once. Co-creators named before V41 (drafts and
-- offerings alike) are treated as accepted: the default fills them, then is dropped so every new row names its state.
alter table offering_participant
    add column consent      varchar(10)  not null default 'ACCEPTED' check (consent in ('PENDING', 'ACCEPTED')),
    add column invited_by   varchar(200),
    add column invited_at   timestamptz,
    add column consented_by varchar(200),
    add column consented_at timestamptz;
alter table offering_participant alter column consent drop default;

-- a partner's invitations waiting for its answer
create index offering_participant_pending on offering_participant (partner_id) where consent = 'PENDING';
