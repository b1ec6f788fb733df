-- One-time charges of products whose event arrives after the period they started in was closed (issue 11): such a
-- product lands on the partner's next statement as a labelled prior-period line, once per product and partner.
-- received_at: when settlement first learnt of the instance (null for instances stored before this migration, which
-- are never treated as late).
alter table product_view add column received_at timestamptz;

create table product_late_charge (
    product_id   varchar(200) not null,
    partner_id   uuid         not null,
    statement_id uuid         not null,
    charged_at   timestamptz  not null,
    primary key (product_id, partner_id)
);
