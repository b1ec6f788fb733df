-- TMF620 category attributes beyond the tree: validity, the catalog's own version label, and the rules the code
-- keeps (revenue-share rules name categories by code, so it is upper case and never blank).
alter table category
    add column valid_for_start timestamptz,
    add column valid_for_end   timestamptz,
    add column category_version varchar(20) not null default '1.0',
    add constraint category_code_format check (code ~ '^[A-Z0-9][A-Z0-9_]*$'),
    add constraint category_lifecycle_status check (lifecycle_status in ('In study', 'In design', 'In test', 'Active',
                                                                       'Rejected', 'Launched', 'Retired', 'Obsolete')),
    add constraint category_not_own_parent check (parent_id is null or parent_id <> id),
    add constraint category_valid_for check (valid_for_end is null or valid_for_start is null
                                             or valid_for_end > valid_for_start);
