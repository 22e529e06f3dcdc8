DROP FUNCTION rebuild_billing_days(text);
DROP TRIGGER orders_billing_days_update ON orders;
DROP TRIGGER orders_billing_days ON orders;
DROP FUNCTION orders_billing_days();
DROP FUNCTION billing_day(timestamptz);
DROP TABLE billing_days;
DROP TABLE billing_calendar;

DROP VIEW order_rows;
DROP TRIGGER order_items_touch_orders_delete ON order_items;
DROP TRIGGER order_items_touch_orders_update ON order_items;
DROP TRIGGER order_items_touch_orders_insert ON order_items;
DROP FUNCTION order_items_touch_orders();
DROP TRIGGER orders_billing ON orders;
DROP FUNCTION orders_billing();
ALTER TABLE orders DROP COLUMN billable, DROP COLUMN billable_amount, DROP COLUMN billable_copay_amount,
    DROP COLUMN totals_mismatch;

CREATE VIEW order_rows AS
SELECT o.*,
       coalesce(s.billable, false) AS billable,
       coalesce(s.billable_amount, 0) AS billable_amount,
       coalesce(s.billable_copay_amount, 0) AS billable_copay_amount,
       (o.total_authorized_value <> coalesce(s.authorized_value, 0)
        OR (s.authorized_copays > 0 AND o.total_copay_value <> s.authorized_copay)) AS totals_mismatch
FROM orders o
LEFT JOIN LATERAL (
    SELECT bool_or(i.billable) AS billable,
           sum(i.total_value) FILTER (WHERE i.billable) AS billable_amount,
           sum(coalesce(i.copay_value, 0)) FILTER (WHERE i.billable) AS billable_copay_amount,
           sum(i.total_value) FILTER (WHERE order_item_authorized(i.authorization_status)) AS authorized_value,
           sum(i.copay_value) FILTER (WHERE order_item_authorized(i.authorization_status)) AS authorized_copay,
           count(i.copay_value) FILTER (WHERE order_item_authorized(i.authorization_status)) AS authorized_copays
    FROM order_item_rows i
    WHERE i.order_id = o.id
) s ON true;
