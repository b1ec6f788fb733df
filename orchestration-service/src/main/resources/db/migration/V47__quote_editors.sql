-- Four-eyes on quote discounts covers everyone who ever set what determines a quote's price (items, quantities,
-- characteristics, discount), not only its creator and whoever did last (priced_by, V46): each of them is recorded
-- once, the creator first, in the order they first priced it, and none of them approves the quote.
alter table quote
    add column edited_by varchar(200)[] not null default '{}';

-- Quotes from before V47: until then every change re-priced the quote, so its pricers are its creator, the actors
-- of its 'changed' audit entries (in the order of their first change) and priced_by.
update quote q
   set edited_by = coalesce((select array_agg(p.actor order by p.first_priced)
                      from (select pricer.actor, min(pricer.at) as first_priced
                              from (select q.created_by as actor, -1::bigint as at
                                    union all
                                    select a.actor, a.id
                                      from audit_event a
                                     where a.resource_type = 'quote' and a.resource_id = q.id::text
                                       and a.action = 'changed'
                                    union all
                                    select q.priced_by, 9223372036854775807) pricer
                             where pricer.actor is not null
                             group by pricer.actor) p), '{}');
