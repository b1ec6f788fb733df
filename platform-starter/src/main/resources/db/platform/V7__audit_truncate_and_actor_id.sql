-- The audit trail is append-only for TRUNCATE too (V3 blocks UPDATE and DELETE), and records the actor's
-- immutable subject id (the JWT "sub") beside the user name, which a user can change.
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();

alter table audit_event add column actor_id varchar(200);
