DROP INDEX patients_affiliate_search_idx;
DROP INDEX patients_document_search_idx;
DROP INDEX patients_name_search_idx;
DROP FUNCTION patient_name_search(text, text);
DROP EXTENSION IF EXISTS pg_trgm;
