-- TMF622 requestedCancellationDate, kept as the client gave it: a cancellation takes effect at once, so it is never
-- after the request (a later one is refused with 400); null when not given.
alter table cancel_product_order add column requested_cancellation_date timestamptz;
