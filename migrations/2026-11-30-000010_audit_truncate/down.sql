DROP TRIGGER authorization_audit_no_truncate ON authorization_audit;
DROP TRIGGER audit_authorizations_truncate ON authorizations;
DROP FUNCTION audit_authorizations_truncate();
