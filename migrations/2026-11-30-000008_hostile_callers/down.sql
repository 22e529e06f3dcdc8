DROP FUNCTION login_success(text, text, text);
DROP FUNCTION login_attempt(text, text, text);
DROP FUNCTION login_failure(text, integer, integer);
DROP FUNCTION login_delay(integer, integer, integer);
DROP TABLE login_throttle;
ALTER TABLE users
    DROP CONSTRAINT users_issuer_format,
    DROP CONSTRAINT users_subject_format,
    DROP CONSTRAINT users_username_length,
    DROP CONSTRAINT users_username_format;
DELETE FROM users WHERE issuer IS NOT NULL;
DROP INDEX users_subject_key;
DROP INDEX users_username_key;
ALTER TABLE users DROP COLUMN issuer;
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
ALTER TABLE users
    ADD CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9._@-]*$'),
    ADD CONSTRAINT users_username_length CHECK (char_length(username) <= 60);
ALTER TABLE practitioners
    DROP CONSTRAINT practitioners_licenses_length,
    DROP CONSTRAINT practitioners_document_number_length;
ALTER TABLE order_items
    DROP CONSTRAINT order_items_suap_token_length,
    DROP CONSTRAINT order_items_authorization_message_length,
    DROP CONSTRAINT order_items_name_length,
    DROP CONSTRAINT order_items_nomenclator_length,
    DROP CONSTRAINT order_items_nomenclator_code_length,
    DROP CONSTRAINT order_items_values_magnitude;
ALTER TABLE orders
    DROP CONSTRAINT orders_authorization_message_length,
    DROP CONSTRAINT orders_observations_length,
    DROP CONSTRAINT orders_diagnosis_text_length,
    DROP CONSTRAINT orders_branch_length,
    DROP CONSTRAINT orders_order_number_length,
    DROP CONSTRAINT orders_totals_magnitude;
