-- Back to the rule without the specialty's and site's state: dependents first, then the view
-- (a view cannot lose columns in place), then the rule, then everything rebuilt as before.
DROP FUNCTION get_authorized_locations_for_eps_specialty(integer, integer, date);
DROP FUNCTION get_authorized_specialties_for_eps(integer, integer, date);
DROP FUNCTION is_eps_authorized(integer, integer, integer, date);
DROP VIEW v_eps_authorizations;
DROP VIEW authorization_rows;
DROP FUNCTION authorization_denial(boolean, boolean, boolean, boolean, date, date, date);

CREATE FUNCTION authorization_denial(
    eps_active boolean, authorized boolean, authorization_date date, expiration_date date, on_day date
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN NOT eps_active THEN 'EPS_INACTIVE'
        WHEN NOT authorized THEN 'SUSPENDED'
        WHEN authorization_date > on_day THEN 'NOT_YET_VALID'
        WHEN expiration_date < on_day THEN 'EXPIRED'
    END;

CREATE VIEW authorization_rows AS
SELECT a.*,
       e.active AS eps_active,
       authorization_denial(e.active, a.authorized, a.authorization_date, a.expiration_date, current_date)
           AS denial_today
FROM authorizations a
JOIN eps e ON e.id = a.eps_id;
CREATE VIEW v_eps_authorizations AS
SELECT r.id, e.name AS eps_name, e.code AS eps_code, s.name AS specialty_name, l.name AS location_name,
       r.authorized, r.authorization_date, r.expiration_date, r.denial_today IS NULL AS is_currently_valid
FROM authorization_rows r
JOIN eps e ON e.id = r.eps_id
JOIN specialties s ON s.id = r.specialty_id
JOIN locations l ON l.id = r.location_id;


CREATE FUNCTION is_eps_authorized(
    p_eps_id integer, p_specialty_id integer, p_location_id integer, on_day date DEFAULT current_date
) RETURNS boolean
    LANGUAGE sql STABLE
    RETURN coalesce((
        SELECT authorization_denial(r.eps_active, r.authorized, r.authorization_date, r.expiration_date, on_day) IS NULL
        FROM authorization_rows r
        WHERE r.eps_id = p_eps_id AND r.specialty_id = p_specialty_id AND r.location_id = p_location_id
    ), false);

CREATE FUNCTION get_authorized_specialties_for_eps(p_eps_id integer, p_location_id integer, on_day date DEFAULT current_date)
RETURNS TABLE (specialty_id integer, specialty_name text, authorization_date date, notes text)
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT s.id, s.name, r.authorization_date, r.notes
    FROM authorization_rows r JOIN specialties s ON s.id = r.specialty_id
    WHERE r.eps_id = p_eps_id AND r.location_id = p_location_id
      AND authorization_denial(r.eps_active, r.authorized, r.authorization_date, r.expiration_date, on_day) IS NULL
    ORDER BY s.name, s.id;
END;

CREATE FUNCTION get_authorized_locations_for_eps_specialty(p_eps_id integer, p_specialty_id integer, on_day date DEFAULT current_date)
RETURNS TABLE (location_id integer, location_name text, address text, authorization_date date)
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT l.id, l.name, l.address, r.authorization_date
    FROM authorization_rows r JOIN locations l ON l.id = r.location_id
    WHERE r.eps_id = p_eps_id AND r.specialty_id = p_specialty_id
      AND authorization_denial(r.eps_active, r.authorized, r.authorization_date, r.expiration_date, on_day) IS NULL
    ORDER BY l.name, l.id;
END;
