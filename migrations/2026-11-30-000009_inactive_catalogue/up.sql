-- An inactive specialty or site is not bookable either (#20): the validity rule, still written
-- once in authorization_denial, also weighs the specialty's and the site's state, and every
-- view and function built on it follows.

CREATE FUNCTION authorization_denial(
    eps_active boolean, specialty_active boolean, location_active boolean,
    authorized boolean, authorization_date date, expiration_date date, on_day date
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN NOT eps_active THEN 'EPS_INACTIVE'
        WHEN NOT specialty_active THEN 'SPECIALTY_INACTIVE'
        WHEN NOT location_active THEN 'LOCATION_INACTIVE'
        WHEN NOT authorized THEN 'SUSPENDED'
        WHEN authorization_date > on_day THEN 'NOT_YET_VALID'
        WHEN expiration_date < on_day THEN 'EXPIRED'
    END;

-- The same columns, in the same order, then the two new ones (what OR REPLACE allows).
CREATE OR REPLACE VIEW authorization_rows AS
SELECT a.id, a.eps_id, a.specialty_id, a.location_id, a.authorized, a.authorization_date,
       a.expiration_date, a.max_monthly_appointments, a.copay_percentage,
       a.requires_prior_authorization, a.notes, a.created_by, a.created_at, a.updated_at,
       e.active AS eps_active,
       authorization_denial(e.active, s.active, l.active, a.authorized, a.authorization_date,
                            a.expiration_date, current_date) AS denial_today,
       s.active AS specialty_active,
       l.active AS location_active
FROM authorizations a
JOIN eps e ON e.id = a.eps_id
JOIN specialties s ON s.id = a.specialty_id
JOIN locations l ON l.id = a.location_id;

CREATE OR REPLACE FUNCTION is_eps_authorized(
    p_eps_id integer, p_specialty_id integer, p_location_id integer, on_day date DEFAULT current_date
) RETURNS boolean
    LANGUAGE sql STABLE
    RETURN coalesce((
        SELECT authorization_denial(r.eps_active, r.specialty_active, r.location_active, r.authorized,
                                    r.authorization_date, r.expiration_date, on_day) IS NULL
        FROM authorization_rows r
        WHERE r.eps_id = p_eps_id AND r.specialty_id = p_specialty_id AND r.location_id = p_location_id
    ), false);

CREATE OR REPLACE FUNCTION get_authorized_specialties_for_eps(p_eps_id integer, p_location_id integer, on_day date DEFAULT current_date)
RETURNS TABLE (specialty_id integer, specialty_name text, authorization_date date, notes text)
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT s.id, s.name, r.authorization_date, r.notes
    FROM authorization_rows r JOIN specialties s ON s.id = r.specialty_id
    WHERE r.eps_id = p_eps_id AND r.location_id = p_location_id
      AND authorization_denial(r.eps_active, r.specialty_active, r.location_active, r.authorized,
                               r.authorization_date, r.expiration_date, on_day) IS NULL
    ORDER BY s.name, s.id;
END;

CREATE OR REPLACE FUNCTION get_authorized_locations_for_eps_specialty(p_eps_id integer, p_specialty_id integer, on_day date DEFAULT current_date)
RETURNS TABLE (location_id integer, location_name text, address text, authorization_date date)
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT l.id, l.name, l.address, r.authorization_date
    FROM authorization_rows r JOIN locations l ON l.id = r.location_id
    WHERE r.eps_id = p_eps_id AND r.specialty_id = p_specialty_id
      AND authorization_denial(r.eps_active, r.specialty_active, r.location_active, r.authorized,
                               r.authorization_date, r.expiration_date, on_day) IS NULL
    ORDER BY l.name, l.id;
END;

DROP FUNCTION authorization_denial(boolean, boolean, date, date, date);
