-- Issued settlement documents (statements, wholesale invoices, credit and debit notes): one per document, the PDF
-- and the JSON as the exact bytes served, each with its SHA-256 (docs/settlement.md, "Documents"). Never updated.
create table settlement_document (
    document_id      uuid primary key,
    partner_id       uuid         not null,
    document_type    varchar(32)  not null,
    document_number  varchar(64)  not null unique,
    pdf              bytea        not null,
    pdf_sha256       char(64)     not null,
    json             bytea        not null,
    json_sha256      char(64)     not null,
    created_at       timestamptz  not null
);

create index settlement_document_partner on settlement_document (partner_id);
