-- failing_checks and set_updated_at keep their versions from up.sql: right without generated
-- columns too.
DROP INDEX patients_affiliate_search_idx;
DROP INDEX patients_document_search_idx;
DROP INDEX patients_name_search_idx;
DROP TRIGGER set_updated_at ON patients;
CREATE TRIGGER set_updated_at BEFORE UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION set_updated_at();
ALTER TABLE patients DROP COLUMN search_affiliate, DROP COLUMN search_name;
DROP FUNCTION patient_name_search(text, text);
DROP EXTENSION IF EXISTS pg_trgm;
