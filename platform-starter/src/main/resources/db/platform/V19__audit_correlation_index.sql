-- The audit trail can be filtered by correlationId (GET <api-base>/audit?correlationId=, the export, the gateway's
-- cross-service query): one request followed through every service's trail. Entries without one (jobs) are left out.
create index audit_event_correlation on audit_event (correlation_id, id) where correlation_id is not null;
