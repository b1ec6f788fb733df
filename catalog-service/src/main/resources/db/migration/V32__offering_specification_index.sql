-- product_offering.specification_id references product_specification without an index: deleting a specification
-- made PostgreSQL read every offering to check the reference, and an import changing a shared specification asked
-- which offerings use it (ProductOfferingRepository.specificationsInUse) by reading every offering, per chunk.
create index product_offering_specification on product_offering (specification_id);
