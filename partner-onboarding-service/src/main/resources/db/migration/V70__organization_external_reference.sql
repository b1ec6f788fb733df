-- TMF632 organizations created through /tmf-api/party/v4/organization keep the client's external references.
alter table partner add column external_reference jsonb;
