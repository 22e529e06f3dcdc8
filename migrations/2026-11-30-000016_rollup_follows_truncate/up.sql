-- The billing rollup follows every statement (#19): row triggers do not fire on TRUNCATE, so
-- `TRUNCATE orders CASCADE` by hand left billing_days counting orders that no longer exist.

-- The rollup as a recount from the orders: what rebuild_billing_days stores and what
-- `clinic check` compares the stored rollup with. Written once, here.
CREATE VIEW billing_days_recount AS
SELECT billing_day(authorized_at) AS day, social_work_id,
       count(*)::integer AS order_count,
       (count(*) FILTER (WHERE billable))::integer AS billable_order_count,
       sum(billable_amount) AS billable_amount,
       sum(billable_copay_amount) AS copay_amount
  FROM orders
 WHERE authorized_at IS NOT NULL
 GROUP BY 1, 2;

CREATE OR REPLACE FUNCTION rebuild_billing_days(zone text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE orders IN SHARE MODE;
    UPDATE billing_calendar SET time_zone = zone;
    DELETE FROM billing_days;
    INSERT INTO billing_days
           (day, social_work_id, order_count, billable_order_count, billable_amount, copay_amount)
    SELECT day, social_work_id, order_count, billable_order_count, billable_amount, copay_amount
      FROM billing_days_recount;
END $$;

-- After a TRUNCATE of orders there are no orders: nothing is consumed on any day.
CREATE FUNCTION billing_days_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM billing_days;
    RETURN NULL;
END $$;
CREATE TRIGGER billing_days_after_truncate AFTER TRUNCATE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION billing_days_after_truncate();

-- After a TRUNCATE of order_items alone, every order lost its items: recompute each order's
-- verdicts (orders_billing), which the rollup follows row by row.
CREATE FUNCTION orders_after_items_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders SET verified = verified;
    RETURN NULL;
END $$;
CREATE TRIGGER orders_after_items_truncate AFTER TRUNCATE ON order_items
    FOR EACH STATEMENT EXECUTE FUNCTION orders_after_items_truncate();

-- Where the stored rollup and a recount disagree (a day and social work per row), for
-- `clinic check`. Empty when they agree.
CREATE FUNCTION billing_days_drift()
RETURNS TABLE (day date, social_work_id integer, stored_orders integer, counted_orders integer,
               stored_billable_orders integer, counted_billable_orders integer,
               stored_billable_amount numeric, counted_billable_amount numeric,
               stored_copay_amount numeric, counted_copay_amount numeric)
    LANGUAGE sql STABLE AS $$
    SELECT coalesce(s.day, c.day), coalesce(s.social_work_id, c.social_work_id),
           coalesce(s.order_count, 0), coalesce(c.order_count, 0),
           coalesce(s.billable_order_count, 0), coalesce(c.billable_order_count, 0),
           coalesce(s.billable_amount, 0), coalesce(c.billable_amount, 0),
           coalesce(s.copay_amount, 0), coalesce(c.copay_amount, 0)
      FROM billing_days s
      FULL JOIN billing_days_recount c ON c.day = s.day AND c.social_work_id = s.social_work_id
     WHERE (coalesce(s.order_count, 0), coalesce(s.billable_order_count, 0),
            coalesce(s.billable_amount, 0), coalesce(s.copay_amount, 0))
           IS DISTINCT FROM
           (coalesce(c.order_count, 0), coalesce(c.billable_order_count, 0),
            coalesce(c.billable_amount, 0), coalesce(c.copay_amount, 0))
     ORDER BY 1, 2
$$;
