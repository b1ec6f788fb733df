-- A statement names the agreement versions it was computed with (docs/settlement.md, "Agreement versions"), kept when
-- drafted so that a later agreement event does not change what it says: the ids and version numbers, oldest first,
-- the two arrays of the same length.
alter table statement add column agreement_ids varchar(64)[];
alter table statement add column agreement_versions integer[];

-- statements drafted before V90: the versions the draft would have kept, from the agreements settlement knows (each
-- version of the partner's agreement in force during the period, and the period's own). A statement whose partner's
-- agreements settlement does not know stays null (not known).
update statement s
set agreement_ids = kept.ids, agreement_versions = kept.versions
from (select st.id,
             array_agg(a.agreement_id order by a.in_force_from, a.version) as ids,
             array_agg(a.version order by a.in_force_from, a.version) as versions
      from statement st
      join settlement_period p on p.id = st.period_id
      join agreement_view a on a.partner_id = st.partner_id and a.terms is not null and not a.never_in_force
                           and a.in_force_from is not null and a.version is not null
                           and (a.agreement_id = p.agreement_id
                                or a.in_force_from < p.end_at
                                   and coalesce(least(a.ended_at, a.valid_until), 'infinity') > p.start_at)
      group by st.id) kept
where s.id = kept.id;
