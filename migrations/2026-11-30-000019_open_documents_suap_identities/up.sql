-- Seed 002: SUAP's DocTipo is open ("LE, DNI, –, etc"), and a provider may be a company with a
-- CUIT. A practitioner's document type is any name, stored as `DocumentType::normalise_name`
-- writes it (upper-cased, spaces collapsed, PAS as PASSPORT), which the CHECK holds.
ALTER TABLE practitioners
    DROP CONSTRAINT practitioners_document_type_check,
    ADD CONSTRAINT practitioners_document_type_format CHECK (
        char_length(document_type) BETWEEN 1 AND 20 AND document_type = upper(document_type)
        AND document_type !~ '^\s|\s$|\s\s|[[:cntrl:]]');

-- SUAP's own tokens of the affiliate, the provider and the prescriber ("la identificación del
-- recurso en suap, en este caso el prestador en este convenio"): per social work, so a
-- re-import finds the same person first by the token SUAP gave them in that convenio.
CREATE TABLE patient_suap_tokens (
    social_work_id integer NOT NULL REFERENCES social_works (id) ON DELETE CASCADE,
    token          text NOT NULL CONSTRAINT patient_suap_tokens_token_length
                       CHECK (char_length(token) BETWEEN 1 AND 40),
    patient_id     integer NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    PRIMARY KEY (social_work_id, token)
);
CREATE INDEX patient_suap_tokens_patient ON patient_suap_tokens (patient_id);

CREATE TABLE practitioner_suap_tokens (
    social_work_id  integer NOT NULL REFERENCES social_works (id) ON DELETE CASCADE,
    token           text NOT NULL CONSTRAINT practitioner_suap_tokens_token_length
                        CHECK (char_length(token) BETWEEN 1 AND 40),
    practitioner_id integer NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    PRIMARY KEY (social_work_id, token)
);
CREATE INDEX practitioner_suap_tokens_practitioner ON practitioner_suap_tokens (practitioner_id);

-- The import records the affiliate SUAP names even on a social work the clinic marked inactive:
-- the insurer has already authorized the order, and "no new patients on an inactive social
-- work" binds staff registering patients. Such patients say so (`origin = 'suap'`).
ALTER TABLE patients ADD COLUMN origin text NOT NULL DEFAULT 'staff'
    CONSTRAINT patients_origin_check CHECK (origin IN ('staff', 'suap'));

CREATE OR REPLACE FUNCTION patients_require_active_social_work() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sw_state text;
    eps_active boolean;
BEGIN
    IF (TG_OP = 'INSERT' AND NEW.origin = 'staff')
       OR (TG_OP = 'UPDATE' AND NEW.social_work_id IS DISTINCT FROM OLD.social_work_id) THEN
        SELECT state INTO sw_state FROM social_works WHERE id = NEW.social_work_id FOR SHARE;
        IF sw_state = 'inactive' THEN
            RAISE EXCEPTION 'social work % is inactive', NEW.social_work_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'patients_social_work_active';
        END IF;
    END IF;
    IF NEW.eps_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.eps_id IS DISTINCT FROM OLD.eps_id) THEN
        SELECT active INTO eps_active FROM eps WHERE id = NEW.eps_id FOR SHARE;
        IF eps_active = false THEN
            RAISE EXCEPTION 'EPS % is inactive', NEW.eps_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'patients_eps_active';
        END IF;
    END IF;
    RETURN NEW;
END $$;
