CREATE OR REPLACE VIEW order_item_rows AS
SELECT i.*,
       order_item_billable(o.type, o.draft, o.cancelled_by_provider, o.authorization_status, i.authorization_status)
           AS billable
FROM order_items i
JOIN orders o ON o.id = i.order_id;
