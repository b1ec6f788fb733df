-- An approval without a note used to read "approved by <reviewer's username>", which the applicant's view shows
-- (README: the applicant's view never names staff; decidedBy is in staff views only). Such reasons now read
-- "approved after review" (PartnerApplication.DEFAULT_APPROVAL_REASON); rewrite the ones stored before.
update partner_application
   set decision_reason = 'approved after review'
 where status = 'APPROVED'
   and decided_by is not null
   and decision_reason = 'approved by ' || decided_by;
