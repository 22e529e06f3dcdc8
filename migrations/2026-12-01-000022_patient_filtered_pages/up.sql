-- A page of one social work's (or one EPS's) patients, in the list's order (last name, first
-- name, id), straight from an index: the single-column indexes found the social work's rows
-- but left them to be sorted, 20,000 heap visits for one page at a million patients. The
-- wider indexes still serve the foreign keys and the counts per social work (index-only).
CREATE INDEX patients_social_work_name_order_idx
    ON patients (social_work_id, last_name, first_name, id);
DROP INDEX patients_social_work_id_idx;
CREATE INDEX patients_eps_name_order_idx ON patients (eps_id, last_name, first_name, id);
DROP INDEX patients_eps_id_idx;
