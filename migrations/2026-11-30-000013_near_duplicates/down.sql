ALTER TABLE patients
    DROP CONSTRAINT patients_document_number_format,
    DROP CONSTRAINT patients_document_number_required,
    ADD CONSTRAINT patients_document_number_format CHECK (
        btrim(document_number) = '' OR document_number ~ '^[A-Za-z0-9]{4,20}$'),
    ADD CONSTRAINT patients_document_number_required CHECK (btrim(document_number) <> '');
ALTER TABLE practitioners
    DROP CONSTRAINT practitioners_document_pair,
    DROP CONSTRAINT practitioners_document_number_length,
    ADD CONSTRAINT practitioners_document_number_length CHECK (char_length(document_number) <= 20);
DROP TRIGGER normalise_document_number ON practitioners;
DROP FUNCTION normalise_optional_document_number();
DROP TRIGGER normalise_document_number ON patients;
DROP FUNCTION normalise_document_number();
DROP INDEX social_works_name_key;
CREATE UNIQUE INDEX social_works_name_key ON social_works (lower(btrim(name)));
DROP INDEX eps_name_key;
CREATE UNIQUE INDEX eps_name_key ON eps (lower(btrim(name)));
DROP INDEX specialties_name_key;
CREATE UNIQUE INDEX specialties_name_key ON specialties (lower(btrim(name)));
DROP INDEX locations_name_key;
CREATE UNIQUE INDEX locations_name_key ON locations (lower(btrim(name)));
DROP FUNCTION document_key(text);
DROP FUNCTION name_key(text);
