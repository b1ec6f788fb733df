-- The product read model, written for every product event, analyses a small sample (platform V14): with the default
-- target an analysis of rating_product took about 1 s of CPU in one burst under 100 orders/s.
select platform_sample_statistics('rating_product');
select platform_sample_statistics('rating_product_identifier');
