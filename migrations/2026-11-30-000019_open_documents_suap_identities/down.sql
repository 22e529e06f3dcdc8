CREATE OR REPLACE FUNCTION patients_require_active_social_work() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sw_state text;
    eps_active boolean;
BEGIN
    IF TG_OP = 'INSERT' OR NEW.social_work_id IS DISTINCT FROM OLD.social_work_id THEN
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
ALTER TABLE patients DROP COLUMN origin;

DROP TABLE practitioner_suap_tokens;
DROP TABLE patient_suap_tokens;

-- Types outside the closed list cannot go back: the previous service reads them as an enum.
DO $$
BEGIN
    IF EXISTS (SELECT FROM practitioners
                WHERE document_type NOT IN ('DNI', 'LE', 'LC', 'CI', 'PASSPORT', 'CC', 'TI', 'CE')) THEN
        RAISE EXCEPTION 'practitioners have document types the previous version cannot read (CUIT, ...): clear them first';
    END IF;
END $$;
ALTER TABLE practitioners
    DROP CONSTRAINT practitioners_document_type_format,
    ADD CONSTRAINT practitioners_document_type_check CHECK (
        document_type IN ('DNI', 'LE', 'LC', 'CI', 'PASSPORT', 'CC', 'TI', 'CE'));
