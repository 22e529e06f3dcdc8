CREATE INDEX patients_eps_id_idx ON patients (eps_id);
DROP INDEX patients_eps_name_order_idx;
CREATE INDEX patients_social_work_id_idx ON patients (social_work_id);
DROP INDEX patients_social_work_name_order_idx;
