-- The items of a page of orders are read with `order_id = ANY(...)`. With the view's
-- order_id taken from the items, PostgreSQL found the items and then probed `orders` once per
-- item (200 probes, 1,000 buffer reads for 50 orders). Taken from `orders`, the same value
-- lets it find the 50 orders first and then their items: 400 buffer reads, half the time.
CREATE OR REPLACE VIEW order_item_rows AS
SELECT i.id, o.id AS order_id, i.position, i.suap_token, i.nomenclator_code, i.nomenclator,
       i.name, i.authorization_status, i.authorization_message, i.total_value, i.copay_value,
       order_item_billable(o.type, o.draft, o.cancelled_by_provider, o.authorization_status, i.authorization_status)
           AS billable
FROM order_items i
JOIN orders o ON o.id = i.order_id;
