DROP FUNCTION failing_checks(regclass, jsonb, integer);
