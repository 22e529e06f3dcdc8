CREATE OR REPLACE FUNCTION orders_billing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    authorized_value numeric;
    authorized_copay numeric;
    authorized_copays bigint;
BEGIN
    SELECT coalesce(bool_or(b.billable), false),
           coalesce(sum(i.total_value) FILTER (WHERE b.billable), 0),
           coalesce(sum(coalesce(i.copay_value, 0)) FILTER (WHERE b.billable), 0),
           coalesce(sum(i.total_value) FILTER (WHERE order_item_authorized(i.authorization_status)), 0),
           sum(i.copay_value) FILTER (WHERE order_item_authorized(i.authorization_status)),
           count(i.copay_value) FILTER (WHERE order_item_authorized(i.authorization_status))
      INTO NEW.billable, NEW.billable_amount, NEW.billable_copay_amount,
           authorized_value, authorized_copay, authorized_copays
      FROM order_items i
      CROSS JOIN LATERAL (
          SELECT order_item_billable(NEW.type, NEW.draft, NEW.cancelled_by_provider,
                                     NEW.authorization_status, i.authorization_status) AS billable
      ) b
     WHERE i.order_id = NEW.id;
    NEW.totals_mismatch := NEW.total_authorized_value <> authorized_value
        OR (authorized_copays > 0 AND NEW.total_copay_value <> authorized_copay);
    RETURN NEW;
END $$;
-- A new verdict is not an edit of the order: updated_at stays.
ALTER TABLE orders DISABLE TRIGGER set_updated_at;
UPDATE orders SET verified = verified
 WHERE billable AND total_copay_value <> 0
   AND NOT EXISTS (SELECT FROM order_items i WHERE i.order_id = orders.id AND i.copay_value IS NOT NULL);
ALTER TABLE orders ENABLE TRIGGER set_updated_at;
