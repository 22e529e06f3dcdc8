-- A page of one social work's (or one EPS's) patients, in the list's order (last name, first
-- name, id), straight from an index: the single-column indexes found the social work's rows
-- but left them to be sorted, 20,000 heap visits for one page at a million patients. The
-- wider indexes still serve the foreign keys' checks and the counts per social work (an
-- index-only scan, a few milliseconds for 20,000 patients at a million).
-- Built before the old ones are dropped: a DROP INDEX locks the table against reads until
-- the migration commits, so it comes last. Building takes a lock against writes (seconds
-- at a million patients); IF NOT EXISTS lets an operator build them beforehand with
-- CREATE INDEX CONCURRENTLY under the same names (README: Running more than one).
CREATE INDEX IF NOT EXISTS patients_social_work_name_order_idx
    ON patients (social_work_id, last_name, first_name, id);
CREATE INDEX IF NOT EXISTS patients_eps_name_order_idx
    ON patients (eps_id, last_name, first_name, id);
DROP INDEX IF EXISTS patients_social_work_id_idx;
DROP INDEX IF EXISTS patients_eps_id_idx;
