-- Four-eyes on the offering decision covers whoever changed its draft content after creating it (characteristics,
-- prices, participants...: a PATCH, a price POST, an import row), not only its creator and submitter (V38): each of
-- them is recorded once, in the order they first changed it, and none of them approves it.
alter table product_offering
    add column edited_by varchar(200)[] not null default '{}';

-- Offerings changed before V40: their editors are the actors of their 'changed' audit entries (one per change in
-- place since the audit trail names every offering under its id; a catalog import job acted as its uploader).
update product_offering o
   set edited_by = e.editors
  from (select resource_id, array_agg(actor order by first_change) as editors
          from (select resource_id, actor, min(id) as first_change
                  from audit_event
                 where resource_type = 'productOffering' and action = 'changed'
                 group by resource_id, actor) changes
         group by resource_id) e
 where e.resource_id = o.id::text;
