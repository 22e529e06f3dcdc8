-- Foundation: users, social works (obras sociales) and their patients.
-- Every business rule that can live in the database lives here; the service maps each
-- constraint *name* to a Spanish user error (src/db/constraints.rs), so names matter.
-- PostgreSQL checks CHECK constraints in name order and reports the first that fails.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Case- and accent-insensitive text for search. unaccent() is only STABLE because its
-- dictionary could change; naming the dictionary makes this wrapper safe to mark IMMUTABLE.
CREATE FUNCTION search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

-- Keeps created_at fixed and updated_at current whoever writes the row (service or psql).
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := OLD.created_at;
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at := now();
    ELSE
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END $$;

-- One helper gives every table its updated_at trigger.
CREATE FUNCTION manage_updated_at(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                    FOR EACH ROW EXECUTE FUNCTION set_updated_at()', tbl);
END $$;

CREATE TABLE users (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL,
    -- NULL for users known only from an external identity provider's tokens.
    password_hash text,
    role          text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_role_check CHECK (role IN ('ADMIN', 'STAFF', 'VIEWER')),
    CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9._@-]*$'),
    CONSTRAINT users_username_length CHECK (char_length(username) <= 60),
    CONSTRAINT users_username_required CHECK (username <> '')
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
SELECT manage_updated_at('users');

CREATE TABLE social_works (
    id                     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Spanish collation: "Álvarez" sorts beside "Alvarez", not after "Zapata" as in C.UTF-8.
    name                   text COLLATE "es-x-icu" NOT NULL,
    state                  text NOT NULL DEFAULT 'active',
    address                text NOT NULL,
    phone                  text NOT NULL,
    webpage                text NOT NULL,
    -- SUAP convenio token ("OS5"): how SUAP orders name their social work.
    code                   text,
    -- SUAP ValorUnidadBioquimica.
    biochemical_unit_value numeric(14, 4),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT social_works_address_length CHECK (char_length(address) <= 200),
    CONSTRAINT social_works_address_required CHECK (btrim(address) <> ''),
    CONSTRAINT social_works_biochemical_unit_value_range CHECK (biochemical_unit_value >= 0),
    CONSTRAINT social_works_code_format CHECK (code ~ '^OS[0-9]{1,9}$'),
    CONSTRAINT social_works_name_length CHECK (char_length(name) <= 100),
    CONSTRAINT social_works_name_required CHECK (btrim(name) <> ''),
    -- Emptiness is the _required constraint's business, so each message stays specific.
    CONSTRAINT social_works_phone_format CHECK (phone ~ '^[0-9 +-]*$'),
    CONSTRAINT social_works_phone_length CHECK (btrim(phone) = '' OR char_length(phone) BETWEEN 10 AND 20),
    CONSTRAINT social_works_phone_required CHECK (btrim(phone) <> ''),
    CONSTRAINT social_works_state_check CHECK (state IN ('active', 'inactive')),
    CONSTRAINT social_works_webpage_format CHECK (
        btrim(webpage) = ''
        OR webpage ~* '^https?://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?([/?#][^[:space:]]*)?$'),
    CONSTRAINT social_works_webpage_length CHECK (char_length(webpage) <= 200),
    CONSTRAINT social_works_webpage_required CHECK (btrim(webpage) <> '')
);
-- "OSDE", "osde" and " OSDE " are the same social work.
CREATE UNIQUE INDEX social_works_name_key ON social_works (lower(btrim(name)));
CREATE UNIQUE INDEX social_works_code_key ON social_works (code);
CREATE INDEX social_works_name_order_idx ON social_works (name, id);
SELECT manage_updated_at('social_works');

CREATE TABLE patients (
    id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_name       text COLLATE "es-x-icu" NOT NULL,
    last_name        text COLLATE "es-x-icu" NOT NULL,
    document_type    text NOT NULL,
    document_number  text NOT NULL,
    birth_date       date,
    gender           text,
    email            text,
    phone            text,
    address          text,
    -- Deleting a social work that still has patients fails here, whatever the caller checked.
    social_work_id   integer NOT NULL
        CONSTRAINT patients_social_work_id_fkey REFERENCES social_works (id) ON DELETE RESTRICT,
    -- SUAP NumeroAfiliado: the number on the insurer's card.
    affiliate_number text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT patients_address_length CHECK (char_length(address) <= 200),
    CONSTRAINT patients_affiliate_number_length CHECK (char_length(affiliate_number) <= 40),
    -- current_date only narrows with time: a date valid today stays valid, so a CHECK is safe.
    CONSTRAINT patients_birth_date_range CHECK (birth_date BETWEEN DATE '1900-01-01' AND current_date),
    CONSTRAINT patients_document_key UNIQUE (document_type, document_number),
    CONSTRAINT patients_document_number_format CHECK (
        btrim(document_number) = '' OR document_number ~ '^[A-Za-z0-9]{4,20}$'),
    CONSTRAINT patients_document_number_required CHECK (btrim(document_number) <> ''),
    CONSTRAINT patients_document_type_check CHECK (
        document_type IN ('DNI', 'LE', 'LC', 'CI', 'PASSPORT', 'CC', 'TI', 'CE')),
    CONSTRAINT patients_email_format CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    CONSTRAINT patients_email_length CHECK (char_length(email) <= 200),
    CONSTRAINT patients_first_name_length CHECK (char_length(first_name) <= 100),
    CONSTRAINT patients_first_name_required CHECK (btrim(first_name) <> ''),
    CONSTRAINT patients_gender_length CHECK (char_length(gender) <= 30),
    CONSTRAINT patients_last_name_length CHECK (char_length(last_name) <= 100),
    CONSTRAINT patients_last_name_required CHECK (btrim(last_name) <> ''),
    CONSTRAINT patients_phone_format CHECK (phone ~ '^[0-9 +-]*$'),
    CONSTRAINT patients_phone_length CHECK (char_length(phone) BETWEEN 10 AND 20)
);
CREATE INDEX patients_social_work_id_idx ON patients (social_work_id);
CREATE INDEX patients_name_order_idx ON patients (last_name, first_name, id);
SELECT manage_updated_at('patients');

-- A new patient, or one moved to another social work, needs an active social work.
-- FOR SHARE makes a concurrent deactivation wait for this insert (and vice versa), so the
-- rule holds under concurrency. Patients already on a social work keep it when it goes inactive.
-- A missing social work is left to the foreign key (NOT_FOUND).
CREATE FUNCTION patients_require_active_social_work() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sw_state text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.social_work_id = OLD.social_work_id THEN
        RETURN NEW;
    END IF;
    SELECT state INTO sw_state FROM social_works WHERE id = NEW.social_work_id FOR SHARE;
    IF sw_state = 'inactive' THEN
        RAISE EXCEPTION 'social work % is inactive', NEW.social_work_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'patients_social_work_active';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER patients_require_active_social_work
    BEFORE INSERT OR UPDATE OF social_work_id ON patients
    FOR EACH ROW EXECUTE FUNCTION patients_require_active_social_work();
