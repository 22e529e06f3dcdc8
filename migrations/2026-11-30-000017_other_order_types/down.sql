ALTER TABLE orders
    DROP CONSTRAINT orders_type_length,
    DROP CONSTRAINT orders_type_required,
    -- NOT VALID: orders of other types imported meanwhile stay; new ones are refused again.
    ADD CONSTRAINT orders_type_check CHECK (type IN ('CONSUMPTION')) NOT VALID;
