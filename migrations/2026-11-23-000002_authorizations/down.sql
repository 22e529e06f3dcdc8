DROP TRIGGER patients_require_active_affiliations ON patients;
ALTER TABLE patients DROP COLUMN eps_id;
CREATE OR REPLACE FUNCTION patients_require_active_social_work() RETURNS trigger LANGUAGE plpgsql AS $$
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
DROP FUNCTION get_authorized_locations_for_eps_specialty(integer, integer, date);
DROP FUNCTION get_authorized_specialties_for_eps(integer, integer, date);
DROP FUNCTION is_eps_authorized(integer, integer, integer, date);
DROP VIEW v_eps_authorizations;
DROP VIEW authorization_rows;
DROP FUNCTION authorization_denial(boolean, boolean, date, date, date);
DROP TABLE authorizations;
DROP TABLE authorization_audit;
DROP FUNCTION refuse_audit_change();
DROP FUNCTION audit_authorization();
DROP TABLE locations;
DROP TABLE specialties;
DROP TABLE eps;
