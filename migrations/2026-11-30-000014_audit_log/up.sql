-- The audit log outlives its agreements (#20): each entry names the EPS, specialty and site of
-- its agreement in columns of its own, so that the log can be filtered and paged after the
-- agreement is gone. They are taken from the snapshot by a trigger, so every writer of the log
-- (the row trigger, the TRUNCATE trigger) fills them without restating it.

CREATE FUNCTION audit_agreement_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_data jsonb := coalesce(NEW.new_data, NEW.old_data);
BEGIN
    NEW.eps_id := (row_data ->> 'eps_id')::integer;
    NEW.specialty_id := (row_data ->> 'specialty_id')::integer;
    NEW.location_id := (row_data ->> 'location_id')::integer;
    RETURN NEW;
END $$;

ALTER TABLE authorization_audit
    ADD COLUMN eps_id integer,
    ADD COLUMN specialty_id integer,
    ADD COLUMN location_id integer;

-- Existing entries get theirs once, with the append-only guard stood down for this statement.
ALTER TABLE authorization_audit DISABLE TRIGGER authorization_audit_append_only;
UPDATE authorization_audit
   SET eps_id = (coalesce(new_data, old_data) ->> 'eps_id')::integer,
       specialty_id = (coalesce(new_data, old_data) ->> 'specialty_id')::integer,
       location_id = (coalesce(new_data, old_data) ->> 'location_id')::integer;
ALTER TABLE authorization_audit ENABLE TRIGGER authorization_audit_append_only;

ALTER TABLE authorization_audit
    ALTER COLUMN eps_id SET NOT NULL,
    ALTER COLUMN specialty_id SET NOT NULL,
    ALTER COLUMN location_id SET NOT NULL;

CREATE TRIGGER audit_agreement_columns BEFORE INSERT ON authorization_audit
    FOR EACH ROW EXECUTE FUNCTION audit_agreement_columns();

-- The log is read newest first, narrowed by one of these.
CREATE INDEX authorization_audit_eps_idx ON authorization_audit (eps_id, id DESC);
CREATE INDEX authorization_audit_specialty_idx ON authorization_audit (specialty_id, id DESC);
CREATE INDEX authorization_audit_location_idx ON authorization_audit (location_id, id DESC);
CREATE INDEX authorization_audit_changed_by_idx ON authorization_audit (changed_by, id DESC);
CREATE INDEX authorization_audit_changed_at_idx ON authorization_audit (changed_at);

-- The first instant of a day in the session's time zone (the clinic's): days given by people
-- become instants here, once.
CREATE FUNCTION day_start(day date) RETURNS timestamptz
    LANGUAGE sql STABLE PARALLEL SAFE STRICT
    RETURN day::timestamptz;
