-- Patient search at any size (#21). A term is looked for in the names ("first last" and
-- "last first"), the document number and the affiliate number. Each is kept in its searched
-- form and indexed by trigram, so `LIKE '%term%'` reads the few matching rows through GIN
-- instead of the whole table (65-145 ms per keystroke at 20,000 patients before; seconds at a
-- million), and a row that is read (a recheck, or a page walked in name order) costs a string
-- comparison, not an unaccent() per name.
-- pg_trgm is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Both name orders in one text, case and accents aside; the separator (a control character,
-- which no name holds) keeps a term from matching across the two.
CREATE FUNCTION patient_name_search(first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN search_text(first_name || ' ' || last_name) || chr(31) || search_text(last_name || ' ' || first_name);

ALTER TABLE patients
    ADD COLUMN search_name text NOT NULL
        GENERATED ALWAYS AS (patient_name_search(first_name, last_name)) STORED,
    ADD COLUMN search_affiliate text
        GENERATED ALWAYS AS (affiliate_key(affiliate_number)) STORED;

-- A BEFORE UPDATE trigger sees generated columns as NULL in NEW (PostgreSQL computes them
-- after), so set_updated_at's `NEW IS DISTINCT FROM OLD` would call every update a change.
-- It learns to leave out the columns its trigger names: a write that changes nothing still
-- leaves updated_at. Tables that name none keep the plain row comparison.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed boolean;
BEGIN
    NEW.created_at := OLD.created_at;
    IF TG_NARGS = 0 THEN
        changed := NEW IS DISTINCT FROM OLD;
    ELSE
        changed := (to_jsonb(NEW) - TG_ARGV) IS DISTINCT FROM (to_jsonb(OLD) - TG_ARGV);
    END IF;
    IF changed THEN
        NEW.updated_at := now();
    ELSE
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER set_updated_at ON patients;
CREATE TRIGGER set_updated_at BEFORE UPDATE ON patients
    FOR EACH ROW EXECUTE FUNCTION set_updated_at('search_name', 'search_affiliate');

-- fastupdate off: a new patient goes into the index at once. With it on, new rows wait in a
-- pending list that every search reads from end to end (after 11,000 new patients, a search
-- at 20,000 took 25 ms instead of 4); writes here are rare beside searches.
CREATE INDEX patients_name_search_idx ON patients USING gin (search_name gin_trgm_ops)
    WITH (fastupdate = off);
CREATE INDEX patients_document_search_idx ON patients USING gin (document_number gin_trgm_ops)
    WITH (fastupdate = off);
CREATE INDEX patients_affiliate_search_idx ON patients USING gin (search_affiliate gin_trgm_ops)
    WITH (fastupdate = off);

-- failing_checks (migration 000011) read every column default as a constant; a generated
-- column's expression names other columns, so it is left to PostgreSQL (the candidate's
-- generated columns are NULL, which no CHECK here depends on).
CREATE OR REPLACE FUNCTION failing_checks(tbl regclass, changes jsonb, row_id integer DEFAULT NULL)
RETURNS SETOF text
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    candidate jsonb := changes;
    base jsonb := '{}';
    c record;
    d record;
    value jsonb;
    passes boolean;
BEGIN
    IF row_id IS NOT NULL THEN
        EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE t.id = $1', tbl) INTO base USING row_id;
    ELSE
        FOR d IN
            SELECT a.attname, pg_get_expr(ad.adbin, ad.adrelid) AS expr
              FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
             WHERE ad.adrelid = tbl AND a.attgenerated = ''
               AND pg_get_expr(ad.adbin, ad.adrelid) NOT LIKE '%nextval(%'
        LOOP
            EXECUTE format('SELECT to_jsonb(%s)', d.expr) INTO value;
            base := base || jsonb_build_object(d.attname, value);
        END LOOP;
    END IF;
    candidate := coalesce(base, '{}') || changes;
    FOR c IN
        SELECT conname, pg_get_expr(conbin, conrelid) AS expr
          FROM pg_constraint
         WHERE conrelid = tbl AND contype = 'c'
         ORDER BY conname
    LOOP
        EXECUTE format('SELECT (%s) IS NOT FALSE FROM jsonb_populate_record(NULL::%s, $1)', c.expr, tbl)
            INTO passes USING candidate;
        IF NOT passes THEN
            RETURN NEXT c.conname;
        END IF;
    END LOOP;
END $$;
