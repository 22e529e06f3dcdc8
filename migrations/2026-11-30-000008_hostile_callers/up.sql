-- Hostile callers (#16): amounts and texts bounded whichever way they arrive, accounts of an
-- external identity provider kept apart from local ones, and the login throttle, shared by
-- every replica of the service.

-- Money: at most 12 integer digits (the scale is already at most 2).
ALTER TABLE orders ADD CONSTRAINT orders_totals_magnitude
    CHECK (total_authorized_value < 1e12 AND total_copay_value < 1e12);
ALTER TABLE order_items ADD CONSTRAINT order_items_values_magnitude
    CHECK (total_value < 1e12 AND copay_value < 1e12);

-- The lengths the SUAP import accepts, for orders created here too.
ALTER TABLE orders
    ADD CONSTRAINT orders_order_number_length CHECK (char_length(order_number) <= 40),
    ADD CONSTRAINT orders_branch_length CHECK (char_length(branch) <= 100),
    ADD CONSTRAINT orders_diagnosis_text_length CHECK (char_length(diagnosis_text) <= 2000),
    ADD CONSTRAINT orders_observations_length CHECK (char_length(observations) <= 2000),
    ADD CONSTRAINT orders_authorization_message_length CHECK (char_length(authorization_message) <= 2000);
ALTER TABLE order_items
    ADD CONSTRAINT order_items_nomenclator_code_length CHECK (char_length(nomenclator_code) <= 40),
    ADD CONSTRAINT order_items_nomenclator_length CHECK (char_length(nomenclator) <= 100),
    ADD CONSTRAINT order_items_name_length CHECK (char_length(name) <= 300),
    ADD CONSTRAINT order_items_authorization_message_length CHECK (char_length(authorization_message) <= 2000),
    ADD CONSTRAINT order_items_suap_token_length CHECK (char_length(suap_token) <= 20);
ALTER TABLE practitioners
    ADD CONSTRAINT practitioners_document_number_length CHECK (char_length(document_number) <= 20),
    ADD CONSTRAINT practitioners_licenses_length
        CHECK (char_length(provincial_license) <= 40 AND char_length(national_license) <= 40);

-- Users: local accounts (issuer NULL) log in with a username; an identity provider's users
-- are keyed by its issuer and their subject, exactly as the token carries them, and never
-- share a name with a local account.
ALTER TABLE users ADD COLUMN issuer text;
DROP INDEX users_username_key;
CREATE UNIQUE INDEX users_username_key ON users (lower(username)) WHERE issuer IS NULL;
CREATE UNIQUE INDEX users_subject_key ON users (issuer, username) WHERE issuer IS NOT NULL;
ALTER TABLE users
    DROP CONSTRAINT users_username_format,
    DROP CONSTRAINT users_username_length,
    ADD CONSTRAINT users_username_format
        CHECK (username ~ '^[A-Za-z0-9._@-]*$' OR issuer IS NOT NULL),
    ADD CONSTRAINT users_username_length
        CHECK (char_length(username) <= 60 OR (issuer IS NOT NULL AND char_length(username) <= 255)),
    ADD CONSTRAINT users_subject_format
        CHECK (issuer IS NULL OR (username !~ '[[:cntrl:]]' AND password_hash IS NULL)),
    ADD CONSTRAINT users_issuer_format
        CHECK (issuer IS NULL OR (issuer <> '' AND char_length(issuer) <= 255 AND issuer !~ '[[:cntrl:]]'));

-- Login attempts, per key: 'user:<username>', 'addr:<client address>' and
-- 'pair:<client address>|<username>'. Every attempt is counted before its password is checked
-- (a success is refunded), so concurrent guesses cannot all pass the check first. A pair row
-- with trusted_until is an address the user logged in from: only the pair's own count applies
-- there, so an attacker elsewhere cannot lock the user out of it.
CREATE TABLE login_throttle (
    key           text PRIMARY KEY,
    failures      integer NOT NULL DEFAULT 0,
    last_failure  timestamptz,
    blocked_until timestamptz,
    trusted_until timestamptz,
    CONSTRAINT login_throttle_failures_check CHECK (failures >= 0)
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure);

-- The back-off after `failures` consecutive failures: none for the first `free`, then 1 s,
-- 2 s, 4 s... up to `max_seconds`.
CREATE FUNCTION login_delay(failures integer, free integer, max_seconds integer) RETURNS interval
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN make_interval(secs => CASE WHEN failures <= free THEN 0
                                      ELSE least(max_seconds, power(2, least(failures - free - 1, 30))) END);

-- Counts one attempt under `throttle_key`; an attempt an hour after the previous failure
-- starts the count again.
CREATE FUNCTION login_failure(throttle_key text, free integer, max_seconds integer) RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        INSERT INTO login_throttle AS t (key, failures, last_failure, blocked_until)
        VALUES (throttle_key, 1, now(), now() + login_delay(1, free, max_seconds))
        ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN t.last_failure > now() - interval '1 hour' THEN t.failures + 1 ELSE 1 END,
            last_failure = now(),
            blocked_until = now() + login_delay(
                CASE WHEN t.last_failure > now() - interval '1 hour' THEN t.failures + 1 ELSE 1 END,
                free, max_seconds);
    END;

-- One login attempt, before its password is checked: the seconds to wait when a key that
-- applies to it is blocked (nothing is counted then), else 0 after counting it. Its rows are
-- locked, always in key order, so that concurrent attempts on the same keys take turns.
CREATE FUNCTION login_attempt(address_key text, pair_key text, user_key text) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    trusted boolean;
    wait_seconds integer;
BEGIN
    INSERT INTO login_throttle (key) VALUES (address_key), (pair_key), (user_key)
        ON CONFLICT (key) DO NOTHING;
    PERFORM FROM login_throttle WHERE key IN (address_key, pair_key, user_key)
        ORDER BY key FOR UPDATE;
    SELECT coalesce(trusted_until > now(), false) INTO trusted
        FROM login_throttle WHERE key = pair_key;
    SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::integer INTO wait_seconds
        FROM login_throttle
        WHERE blocked_until > now()
          AND (key = pair_key OR (NOT trusted AND key IN (address_key, user_key)));
    IF wait_seconds IS NOT NULL THEN
        -- Nothing counted: the rows this call created carry nothing, and go.
        DELETE FROM login_throttle
            WHERE key IN (address_key, pair_key, user_key)
              AND last_failure IS NULL AND blocked_until IS NULL AND trusted_until IS NULL;
        RETURN greatest(wait_seconds, 1);
    END IF;
    PERFORM login_failure(pair_key, 5, 900);
    IF NOT trusted THEN
        PERFORM login_failure(address_key, 20, 900);
        PERFORM login_failure(user_key, 10, 60);
    END IF;
    -- Forget what is a day old and trusts nothing (rows never counted, such as the address
    -- and username rows of an attempt from a trusted address, have no last failure).
    DELETE FROM login_throttle
        WHERE (last_failure IS NULL OR last_failure < now() - interval '1 day')
          AND (trusted_until IS NULL OR trusted_until < now());
    RETURN 0;
END
$$;

-- A successful login: its attempt is refunded to the address, the username's count is
-- forgotten, and the address is trusted for the user for 30 days.
CREATE FUNCTION login_success(address_key text, pair_key text, user_key text) RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        UPDATE login_throttle SET failures = greatest(failures - 1, 0)
            WHERE key = address_key
              AND NOT EXISTS (SELECT FROM login_throttle t
                              WHERE t.key = pair_key AND t.trusted_until > now());
        DELETE FROM login_throttle WHERE key = user_key;
        INSERT INTO login_throttle (key, trusted_until) VALUES (pair_key, now() + interval '30 days')
            ON CONFLICT (key) DO UPDATE
            SET failures = 0, blocked_until = NULL, trusted_until = excluded.trusted_until;
    END;
