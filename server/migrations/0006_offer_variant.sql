-- The add-on offer experiment (`crate::offers`): the variant a shopper who chose buy now, pay
-- later was in, recorded on the order before its PaymentIntent is created (and on the
-- PaymentIntent's metadata, `offer_variant`), so that a retry of the create request sends the
-- very same metadata.
ALTER TABLE orders ADD COLUMN offer_variant TEXT;
