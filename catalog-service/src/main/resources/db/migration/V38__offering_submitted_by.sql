-- Four-eyes on catalog decisions: who created an offering, and who submitted it or proposed the change waiting for
-- review, so that neither approves it. Rows from before stay null: nobody is refused on their account.
alter table product_offering
    add column created_by   varchar(200),
    add column submitted_by varchar(200);
