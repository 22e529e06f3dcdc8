-- Patient search at any size (#21). A term is looked for in the names ("first last" and
-- "last first"), the document number and the affiliate number; each is indexed by trigram,
-- so `LIKE '%term%'` reads the few matching rows through GIN instead of the whole table
-- (65-145 ms per keystroke at 20,000 patients before; seconds at a million).
-- pg_trgm is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Both name orders in one text, case and accents aside; the separator (a control character,
-- which no name holds) keeps a term from matching across the two.
CREATE FUNCTION patient_name_search(first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN search_text(first_name || ' ' || last_name) || chr(31) || search_text(last_name || ' ' || first_name);

CREATE INDEX patients_name_search_idx
    ON patients USING gin (patient_name_search(first_name, last_name) gin_trgm_ops);
CREATE INDEX patients_document_search_idx ON patients USING gin (document_number gin_trgm_ops);
CREATE INDEX patients_affiliate_search_idx
    ON patients USING gin (affiliate_key(affiliate_number) gin_trgm_ops);
