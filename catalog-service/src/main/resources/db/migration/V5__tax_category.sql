-- Tax categories a price names; the rate itself comes from the agreement's tax treatment at settlement.
create table tax_category (
    code        varchar(40) primary key,
    name        varchar(200)  not null,
    description varchar(1000) not null
);

insert into tax_category (code, name, description) values
    ('STANDARD', 'Standard rate', 'Goods and services taxed at the standard VAT/GST rate'),
    ('REDUCED', 'Reduced rate', 'Taxed at a reduced rate (e.g. some digital content or press)'),
    ('ZERO', 'Zero rate', 'Taxable at 0 % (e.g. some exports)'),
    ('EXEMPT', 'Exempt', 'Outside the tax base (e.g. some financial services)'),
    ('REVERSE_CHARGE', 'Reverse charge', 'B2B cross-border: the buyer accounts for the tax');
