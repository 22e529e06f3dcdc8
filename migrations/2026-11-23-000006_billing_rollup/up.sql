-- billingSummary from a rollup instead of every order of the period: a month is ~10,000
-- orders and their items (70 ms of aggregation per summary in the benchmark), but only
-- 50 social works x 31 days of rollup rows. Triggers keep it exact; the billing rule itself
-- stays in order_item_billable.

-- 1. Each order carries what the rule says of it, recomputed by a BEFORE trigger from its
-- items whenever the order is written; item changes "touch" their orders to get there. Read
-- pages then get the verdicts from the row, not from an aggregate over items per order.
ALTER TABLE orders
    ADD COLUMN billable boolean NOT NULL DEFAULT false,
    ADD COLUMN billable_amount numeric NOT NULL DEFAULT 0,
    ADD COLUMN billable_copay_amount numeric NOT NULL DEFAULT 0,
    ADD COLUMN totals_mismatch boolean NOT NULL DEFAULT false;

-- Billable when any item is; the sums of its billable items (a missing copay counts 0); and
-- whether SUAP's totals disagree with its authorized items (the copay only when items carry
-- one: some agreements compute it for the whole order). Runs after the row lock is taken and
-- reads the items with a fresh snapshot (READ COMMITTED), so a concurrent change to the same
-- order's items is never lost.
CREATE FUNCTION orders_billing() RETURNS trigger LANGUAGE plpgsql AS $$
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
-- Named to run before set_updated_at (BEFORE triggers fire by name), so that a change of
-- verdict also moves the order's updated_at.
CREATE TRIGGER orders_billing BEFORE INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_billing();

CREATE FUNCTION order_items_touch_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE orders SET billable = billable WHERE id IN (SELECT order_id FROM new_items);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE orders SET billable = billable WHERE id IN (SELECT order_id FROM old_items);
    ELSE
        UPDATE orders SET billable = billable
         WHERE id IN (SELECT order_id FROM new_items UNION SELECT order_id FROM old_items);
    END IF;
    RETURN NULL;
END $$;
-- Statement triggers (one per event: transition tables allow no more), so a bulk insert of
-- items touches each order once.
CREATE TRIGGER order_items_touch_orders_insert AFTER INSERT ON order_items
    REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION order_items_touch_orders();
CREATE TRIGGER order_items_touch_orders_update AFTER UPDATE ON order_items
    REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION order_items_touch_orders();
CREATE TRIGGER order_items_touch_orders_delete AFTER DELETE ON order_items
    REFERENCING OLD TABLE AS old_items
    FOR EACH STATEMENT EXECUTE FUNCTION order_items_touch_orders();

-- Existing orders, without moving their updated_at.
ALTER TABLE orders DISABLE TRIGGER set_updated_at;
UPDATE orders SET billable = billable;
ALTER TABLE orders ENABLE TRIGGER set_updated_at;

-- Everything the order_rows view computed is now on the row itself.
DROP VIEW order_rows;

-- 2. Per social work and consumption day (SUAP's authorization date, in the clinic's time
-- zone), the sums billingSummary reports. Kept by adding each order's contribution and
-- taking it back: increments commute, so concurrent writers never lose one another's.
CREATE TABLE billing_calendar (
    -- One row: the time zone whose days billing_days counts. The service sets it to
    -- CLINIC_TIME_ZONE at start (rebuild_billing_days) when they differ.
    one_row   boolean PRIMARY KEY DEFAULT true CONSTRAINT billing_calendar_one_row CHECK (one_row),
    time_zone text NOT NULL
);
INSERT INTO billing_calendar (time_zone) VALUES ('UTC');

CREATE TABLE billing_days (
    day                  date NOT NULL,
    social_work_id       integer NOT NULL CONSTRAINT billing_days_social_work_id_fkey
                             REFERENCES social_works (id) ON DELETE CASCADE,
    order_count          integer NOT NULL,
    billable_order_count integer NOT NULL,
    billable_amount      numeric NOT NULL,
    copay_amount         numeric NOT NULL,
    PRIMARY KEY (day, social_work_id),
    -- A negative count could only come from a contribution taken back twice: fail loudly.
    CONSTRAINT billing_days_counts_check CHECK (order_count >= 0 AND billable_order_count BETWEEN 0 AND order_count)
) WITH (fillfactor = 70);  -- every order write updates a row here: room for HOT updates

CREATE FUNCTION billing_day(at timestamptz) RETURNS date LANGUAGE sql STABLE
    RETURN (at AT TIME ZONE (SELECT time_zone FROM billing_calendar))::date;

CREATE FUNCTION orders_billing_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sign integer;
    o orders;
    on_day date;
BEGIN
    FOREACH sign IN ARRAY ARRAY[-1, 1] LOOP
        CONTINUE WHEN (sign = -1 AND TG_OP = 'INSERT') OR (sign = 1 AND TG_OP = 'DELETE');
        o := CASE WHEN sign = -1 THEN OLD ELSE NEW END;
        CONTINUE WHEN o.authorized_at IS NULL;
        on_day := billing_day(o.authorized_at);
        -- Not an upsert carrying the delta: PostgreSQL checks CHECK constraints on the row
        -- proposed for insertion, and a taken-back contribution is negative.
        INSERT INTO billing_days
               (day, social_work_id, order_count, billable_order_count, billable_amount, copay_amount)
        VALUES (on_day, o.social_work_id, 0, 0, 0, 0)
        ON CONFLICT DO NOTHING;
        UPDATE billing_days d
           SET order_count = d.order_count + sign,
               billable_order_count = d.billable_order_count + CASE WHEN o.billable THEN sign ELSE 0 END,
               billable_amount = d.billable_amount + sign * o.billable_amount,
               copay_amount = d.copay_amount + sign * o.billable_copay_amount
         WHERE d.day = on_day AND d.social_work_id = o.social_work_id;
    END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER orders_billing_days AFTER INSERT OR DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_billing_days();
CREATE TRIGGER orders_billing_days_update AFTER UPDATE ON orders
    FOR EACH ROW
    WHEN ((OLD.social_work_id, OLD.authorized_at, OLD.billable, OLD.billable_amount, OLD.billable_copay_amount)
          IS DISTINCT FROM
          (NEW.social_work_id, NEW.authorized_at, NEW.billable, NEW.billable_amount, NEW.billable_copay_amount))
    EXECUTE FUNCTION orders_billing_days();

-- Recounts billing_days in `zone`'s days. Orders are locked against writes meanwhile, so
-- no contribution is added to the old count and lost.
CREATE FUNCTION rebuild_billing_days(zone text) RETURNS void LANGUAGE plpgsql AS $$
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
SELECT rebuild_billing_days('UTC');
