DROP TABLE patients;
DROP FUNCTION patients_require_active_social_work();
DROP TABLE social_works;
DROP TABLE users;
DROP FUNCTION manage_updated_at(regclass);
DROP FUNCTION set_updated_at();
DROP FUNCTION search_text(text);
DROP EXTENSION IF EXISTS unaccent;
