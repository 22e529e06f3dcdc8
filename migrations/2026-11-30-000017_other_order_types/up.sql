-- SUAP orders of a type other than CONSUMO (PRESUPUESTO, …) are kept as given, never billable
-- (#19): order_item_billable bills 'CONSUMPTION' only, so the rule needs no change.
ALTER TABLE orders
    DROP CONSTRAINT orders_type_check,
    ADD CONSTRAINT orders_type_length CHECK (char_length(type) <= 20),
    ADD CONSTRAINT orders_type_required CHECK (btrim(type) <> '');
