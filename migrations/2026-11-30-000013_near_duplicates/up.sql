-- Near-duplicates (#20): "OSDÉ", "osde" and "Swiss  Medical" are the names "OSDE" and "Swiss
-- Medical"; "30.111.222" and "ab123456" are the documents "30111222" and "AB123456".

-- A name as uniqueness compares it: case, accents and repeated or surrounding spaces aside.
CREATE FUNCTION name_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN search_text(btrim(regexp_replace(value, '\s+', ' ', 'g')));

-- A document number as stored: upper-cased, without the separators people type (dots,
-- dashes, slashes, spaces). Anything else stays, for the format CHECK to refuse.
CREATE FUNCTION document_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN upper(regexp_replace(value, '[.\s/-]', '', 'g'));

-- Existing rows that the new rules call duplicates stop the migration with their names: which
-- one to keep is the clinic's decision, not ours.
CREATE FUNCTION refuse_existing_duplicates(tbl text, key_expr text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    clash text;
BEGIN
    EXECUTE format(
        'SELECT string_agg(ids, E''\n'') FROM (
             SELECT format(''%%s: ids %%s'', %2$s, string_agg(id::text, '', '' ORDER BY id)) AS ids
               FROM %1$s GROUP BY %2$s HAVING count(*) > 1) d', tbl, key_expr)
        INTO clash;
    IF clash IS NOT NULL THEN
        RAISE EXCEPTION 'rows of % that are now duplicates; rename or merge them, then migrate again:%',
            tbl, E'\n' || clash;
    END IF;
END $$;

SELECT refuse_existing_duplicates('social_works', 'name_key(name)');
SELECT refuse_existing_duplicates('eps', 'name_key(name)');
SELECT refuse_existing_duplicates('specialties', 'name_key(name)');
SELECT refuse_existing_duplicates('locations', 'name_key(name)');
SELECT refuse_existing_duplicates('patients', 'document_type || '' '' || document_key(document_number)');
SELECT refuse_existing_duplicates(
    '(SELECT * FROM practitioners WHERE document_type IS NOT NULL AND document_number IS NOT NULL) p',
    'document_type || '' '' || document_key(document_number)');
DROP FUNCTION refuse_existing_duplicates(text, text);

DROP INDEX social_works_name_key;
CREATE UNIQUE INDEX social_works_name_key ON social_works (name_key(name));
DROP INDEX eps_name_key;
CREATE UNIQUE INDEX eps_name_key ON eps (name_key(name));
DROP INDEX specialties_name_key;
CREATE UNIQUE INDEX specialties_name_key ON specialties (name_key(name));
DROP INDEX locations_name_key;
CREATE UNIQUE INDEX locations_name_key ON locations (name_key(name));

-- Document numbers are stored normalised, whoever writes them (service, import or psql). The
-- CHECKs read the normalised value too, so that `failing_checks` judges a number as typed the
-- way the stored row will be judged.
CREATE FUNCTION normalise_document_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.document_number := document_key(NEW.document_number);
    RETURN NEW;
END $$;

-- A practitioner's number is optional: one of separators only is no number.
CREATE FUNCTION normalise_optional_document_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.document_number := nullif(document_key(NEW.document_number), '');
    RETURN NEW;
END $$;

-- Normalising is not an edit: updated_at stays.
ALTER TABLE patients DISABLE TRIGGER set_updated_at;
ALTER TABLE practitioners DISABLE TRIGGER set_updated_at;
UPDATE patients SET document_number = document_key(document_number)
 WHERE document_number IS DISTINCT FROM document_key(document_number);
UPDATE practitioners SET document_number = nullif(document_key(document_number), '')
 WHERE document_number IS DISTINCT FROM nullif(document_key(document_number), '');
ALTER TABLE patients ENABLE TRIGGER set_updated_at;
ALTER TABLE practitioners ENABLE TRIGGER set_updated_at;

CREATE TRIGGER normalise_document_number BEFORE INSERT OR UPDATE OF document_number ON patients
    FOR EACH ROW EXECUTE FUNCTION normalise_document_number();
CREATE TRIGGER normalise_document_number BEFORE INSERT OR UPDATE OF document_number ON practitioners
    FOR EACH ROW EXECUTE FUNCTION normalise_optional_document_number();

-- A practitioner's document is a type and a number, or neither: the unique pair then holds.
UPDATE practitioners SET document_type = NULL WHERE document_number IS NULL;
ALTER TABLE practitioners
    DROP CONSTRAINT practitioners_document_number_length,
    ADD CONSTRAINT practitioners_document_number_length CHECK (char_length(document_key(document_number)) <= 20),
    ADD CONSTRAINT practitioners_document_pair CHECK ((document_type IS NULL) = (document_key(document_number) IS NULL OR document_key(document_number) = ''));

ALTER TABLE patients
    DROP CONSTRAINT patients_document_number_format,
    DROP CONSTRAINT patients_document_number_required,
    ADD CONSTRAINT patients_document_number_format CHECK (
        document_key(document_number) = '' OR document_key(document_number) ~ '^[A-Z0-9]{4,20}$'),
    ADD CONSTRAINT patients_document_number_required CHECK (document_key(document_number) <> '');
