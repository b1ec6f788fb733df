-- Append-only audit trail: every state change, who, when, before and after.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null default clock_timestamp(),
    actor          varchar(200) not null,
    partner_id     uuid,
    resource_type  varchar(100) not null,
    resource_id    varchar(200) not null,
    action         varchar(100) not null,
    before_state   jsonb,
    after_state    jsonb,
    correlation_id varchar(64)
);

create index audit_event_partner on audit_event (partner_id, id);
create index audit_event_resource on audit_event (resource_type, resource_id, id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each statement execute function audit_event_append_only();
