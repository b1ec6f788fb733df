-- The product read model, written for every product event, analyses a small sample (platform V14): with the default
-- target an analysis of product_view took about 0.5 s of CPU in one burst under 100 orders/s.
select platform_sample_statistics('product_view');
select platform_sample_statistics('product_end_change');
