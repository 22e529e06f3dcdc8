DROP INDEX authorization_audit_changed_by_idx;
DROP INDEX authorization_audit_changed_at_idx;
DROP FUNCTION day_start(date);
DROP TRIGGER audit_agreement_columns ON authorization_audit;
DROP FUNCTION audit_agreement_columns();
ALTER TABLE authorization_audit DROP COLUMN eps_id, DROP COLUMN specialty_id, DROP COLUMN location_id;
