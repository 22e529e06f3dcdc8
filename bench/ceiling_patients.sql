-- (a) as a hand-written service would ask it: one page of 50 patients with their social work.
SELECT p.id, p.first_name, p.last_name, p.document_number, s.name
  FROM patients p JOIN social_works s ON s.id = p.social_work_id
 ORDER BY p.last_name, p.first_name, p.id
 LIMIT 50;
