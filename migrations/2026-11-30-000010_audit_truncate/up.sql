-- The audit trail covers every statement (#20): row triggers do not fire on TRUNCATE, so a
-- TRUNCATE of authorizations records each removed agreement first, and the append-only
-- trail refuses TRUNCATE as it refuses UPDATE and DELETE.

CREATE FUNCTION audit_authorizations_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- What the row trigger records for a DELETE: the old row, every field but updated_at.
    INSERT INTO authorization_audit (authorization_id, action, changed_by, old_data, new_data, changed_fields)
    SELECT a.id, 'DELETED', nullif(current_setting('clinic.user_id', true), '')::integer,
           to_jsonb(a), NULL,
           ARRAY(SELECT key FROM jsonb_object_keys(to_jsonb(a)) AS key
                 WHERE key <> 'updated_at' ORDER BY key)
    FROM authorizations a;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_authorizations_truncate BEFORE TRUNCATE ON authorizations
    FOR EACH STATEMENT EXECUTE FUNCTION audit_authorizations_truncate();

CREATE TRIGGER authorization_audit_no_truncate BEFORE TRUNCATE ON authorization_audit
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
