DROP TRIGGER orders_after_items_truncate ON order_items;
DROP FUNCTION orders_after_items_truncate();
DROP FUNCTION billing_days_drift();
DROP TRIGGER billing_days_after_truncate ON orders;
DROP FUNCTION billing_days_after_truncate();
CREATE OR REPLACE FUNCTION rebuild_billing_days(zone text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE orders IN SHARE MODE;
    UPDATE billing_calendar SET time_zone = zone;
    DELETE FROM billing_days;
    INSERT INTO billing_days
           (day, social_work_id, order_count, billable_order_count, billable_amount, copay_amount)
    SELECT billing_day(authorized_at), social_work_id, count(*), count(*) FILTER (WHERE billable),
           sum(billable_amount), sum(billable_copay_amount)
      FROM orders
     WHERE authorized_at IS NOT NULL
     GROUP BY 1, 2;
END $$;
DROP VIEW billing_days_recount;
