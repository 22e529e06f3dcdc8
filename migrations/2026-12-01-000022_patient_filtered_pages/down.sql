CREATE INDEX IF NOT EXISTS patients_social_work_id_idx ON patients (social_work_id);
CREATE INDEX IF NOT EXISTS patients_eps_id_idx ON patients (eps_id);
DROP INDEX IF EXISTS patients_social_work_name_order_idx;
DROP INDEX IF EXISTS patients_eps_name_order_idx;
