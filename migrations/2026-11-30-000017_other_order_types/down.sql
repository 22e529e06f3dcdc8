ALTER TABLE orders
    DROP CONSTRAINT orders_type_length,
    DROP CONSTRAINT orders_type_required,
    ADD CONSTRAINT orders_type_check CHECK (type IN ('CONSUMPTION'));
