-- The benchmark's data set: deterministic (arithmetic on generate_series, no random()), so
-- every run and every machine measures the same rows. Runs on a freshly migrated database.
-- `:patients` and `:orders` are the scale (the benchmark's --patients; five orders each).
INSERT INTO social_works (name, address, phone, webpage, code, biochemical_unit_value)
SELECT 'Obra Social ' || lpad(n::text, 2, '0'), 'Av. Corrientes ' || (1000 + n) || ', CABA',
       '011 4000-' || lpad(n::text, 4, '0'), 'https://os' || n || '.example.com.ar', 'OS' || n,
       1.5 + n / 100.0
FROM generate_series(1, 50) AS n;

-- The patient search indexes take new rows one by one (fastupdate off, migration 000021):
-- right for a registry, slow for a million rows at once. For the load, new entries wait in
-- GIN's pending list and go in together (turned off again at the end; the VACUUM after this
-- script flushes what waits).
ALTER INDEX patients_name_search_idx SET (fastupdate = on);
ALTER INDEX patients_document_search_idx SET (fastupdate = on);
ALTER INDEX patients_affiliate_search_idx SET (fastupdate = on);

-- Names: 24 surnames, each shared by one patient in 24 (more than the commonest real surname),
-- and 64 first names, independent of the surname and spread over the table as the surnames
-- are: a full name is shared by one patient in 1,536, about 650 at a million.
INSERT INTO patients (first_name, last_name, document_type, document_number, social_work_id,
                      affiliate_number, birth_date)
SELECT (ARRAY['Ana', 'Juan', 'María', 'Carlos', 'Lucía', 'Jorge', 'Sofía', 'Diego', 'Valentina',
              'Martín', 'Camila', 'Pablo', 'Julieta', 'Tomás', 'Florencia', 'Nicolás', 'Agustina',
              'Santiago', 'Micaela', 'Facundo', 'Gabriela', 'Federico', 'Paula', 'Joaquín', 'Romina',
              'Matías', 'Carolina', 'Sebastián', 'Daniela', 'Alejandro', 'Natalia', 'Gonzalo',
              'Victoria', 'Ezequiel', 'Laura', 'Ignacio', 'Rocío', 'Leandro', 'Antonella', 'Marcelo',
              'Belén', 'Ricardo', 'Silvia', 'Gustavo', 'Graciela', 'Héctor', 'Mónica', 'Roberto',
              'Beatriz', 'Fernando', 'Cecilia', 'Rodrigo', 'Verónica', 'Hernán', 'Patricia', 'Esteban',
              'Claudia', 'Emiliano', 'Lorena', 'Raúl', 'Noelia', 'Damián', 'Susana', 'Walter'])[1 + (n + 29 * (n / 24)) % 64],
       (ARRAY['González', 'Rodríguez', 'Gómez', 'Fernández', 'López', 'Díaz', 'Martínez', 'Pérez',
              'García', 'Sánchez', 'Romero', 'Sosa', 'Álvarez', 'Torres', 'Ruiz', 'Ramírez', 'Flores',
              'Acosta', 'Benítez', 'Medina', 'Suárez', 'Herrera', 'Aguirre', 'Giménez'])[1 + (n * 7) % 24],
       'DNI', (20000000 + n)::text, 1 + (n * 7) % 50, 'AF-' || n,
       DATE '1940-01-01' + (n * 37) % 25000
FROM generate_series(1, :patients) AS n;

INSERT INTO eps (id, name, code) SELECT n, 'EPS ' || n, 'EPS' || n FROM generate_series(1, 20) AS n;
INSERT INTO specialties (id, name) SELECT n, 'Especialidad ' || n FROM generate_series(1, 30) AS n;
INSERT INTO locations (id, name, address)
SELECT n, 'Sede ' || n, 'Calle ' || n || ' #10-20' FROM generate_series(1, 10) AS n;
SELECT setval(pg_get_serial_sequence(t, 'id'), 100) FROM unnest(ARRAY['eps', 'specialties', 'locations']) AS t;

-- Half of the 6,000 triples: a few expired, suspended or not yet valid.
INSERT INTO authorizations (eps_id, specialty_id, location_id, authorized, authorization_date,
                            expiration_date, max_monthly_appointments, copay_percentage,
                            requires_prior_authorization)
SELECT e, s, l, (e + s + l) % 11 <> 0,
       CASE WHEN (e * s + l) % 13 = 0 THEN DATE '2030-01-01' ELSE DATE '2025-01-01' END,
       CASE WHEN (e * s + l) % 13 = 0 THEN DATE '2031-12-31'
            WHEN (e * s + l) % 17 = 0 THEN DATE '2025-06-30' ELSE DATE '2030-12-31' END,
       CASE WHEN s % 3 = 0 THEN 20 + s END, (e * l) % 40, (s + l) % 4 = 0
FROM generate_series(1, 20) AS e, generate_series(1, 30) AS s, generate_series(1, 10) AS l
WHERE (e * 7 + s * 3 + l) % 2 = 0;

-- Bulk load: the billing triggers would maintain the rollup order by order (a minute here);
-- they are off while loading, and the migration's own functions then count once.
ALTER TABLE orders DISABLE TRIGGER orders_billing;  -- new orders have no items yet
ALTER TABLE orders DISABLE TRIGGER orders_billing_days;
ALTER TABLE orders DISABLE TRIGGER orders_billing_days_update;
ALTER TABLE order_items DISABLE TRIGGER order_items_touch_orders_insert;

-- The orders, over 2026, every SUAP state, some drafts and cancellations.
INSERT INTO orders (order_number, point_of_care_id, performed_on, prescribed_on, authorized_at,
                    authorization_status, draft, cancelled_by_provider, verified, affiliate_id,
                    social_work_id)
SELECT n::text, 1 + n % 10, DATE '2026-01-01' + n % 330, DATE '2026-01-01' + n % 330 - 2,
       TIMESTAMPTZ '2026-01-01 08:00:00+00' + make_interval(days => n % 330, mins => n % 600),
       n % 9, n % 17 = 0, n % 23 = 0, n % 2 = 0, a, 1 + (a * 7) % 50
FROM generate_series(1, :orders) AS n, LATERAL (SELECT (1 + (n::bigint * 7919) % :patients)::int AS a) AS p;

ALTER TABLE orders ENABLE TRIGGER orders_billing;

-- One to five items each.
INSERT INTO order_items (order_id, position, nomenclator_code, nomenclator, name,
                         authorization_status, total_value, copay_value)
SELECT o.id, pos, (660000 + (o.id + pos) % 900)::text, 'NBU', 'PRÁCTICA ' || (o.id + pos) % 900,
       (ARRAY[0, 1, 2, 3, 6, 1, 1, 6])[1 + (o.id * 3 + pos) % 8],
       round(((o.id * 13 + pos * 101) % 500000)::numeric / 100, 2),
       round(((o.id * 13 + pos * 101) % 50000)::numeric / 100, 2)
FROM orders o, generate_series(1, 1 + o.id % 5) AS pos;

-- SUAP's totals are the sums of the authorized items, except for one order in 500. Every
-- order has items, so this also runs orders_billing (each order's verdict) on all of them.
UPDATE orders o
   SET total_authorized_value = t.value + CASE WHEN o.id % 500 = 0 THEN 1 ELSE 0 END,
       total_copay_value = t.copay
  FROM (SELECT order_id, coalesce(sum(total_value) FILTER (WHERE authorization_status IN (1, 6)), 0) AS value,
               coalesce(sum(copay_value) FILTER (WHERE authorization_status IN (1, 6)), 0) AS copay
          FROM order_items GROUP BY order_id) AS t
 WHERE t.order_id = o.id;

ALTER TABLE order_items ENABLE TRIGGER order_items_touch_orders_insert;
ALTER TABLE orders ENABLE TRIGGER orders_billing_days;
ALTER TABLE orders ENABLE TRIGGER orders_billing_days_update;
SELECT rebuild_billing_days(time_zone) FROM billing_calendar;


-- Booking, (g) and (h). Patients 1..1000 belong to EPS 21, whose one agreement (specialty
-- 31 at site 11, a quota no run exhausts) every (h) booking contends for; the others to EPS
-- 1..20, which (g) books across the agreements of 40 specialty/site pairs (specialties that
-- are not multiples of 3: no quota). A week of 10-minute slots from tomorrow for each pair.
INSERT INTO eps (id, name, code) VALUES (21, 'EPS contendida', 'EPS21');
INSERT INTO specialties (id, name) VALUES (31, 'Especialidad contendida');
INSERT INTO locations (id, name, address) VALUES (11, 'Sede contendida', 'Calle 11 #10-20');
INSERT INTO authorizations (eps_id, specialty_id, location_id, authorization_date, max_monthly_appointments)
VALUES (21, 31, 11, DATE '2025-01-01', 1000000);
UPDATE patients SET eps_id = CASE WHEN id <= 1000 THEN 21 ELSE 1 + id % 20 END;
INSERT INTO availabilities (specialty_id, location_id, day, start_time, end_time, slot_minutes, capacity)
SELECT pair.s, pair.l, current_date + d, '08:00', '18:00', 10, CASE WHEN pair.s = 31 THEN 100 ELSE 10 END
FROM (SELECT s, l FROM generate_series(1, 30) AS s, generate_series(1, 10) AS l
       WHERE s % 3 <> 0 AND (s * 3 + l) % 5 = 0
      UNION ALL SELECT 31, 11) AS pair,
     generate_series(1, 7) AS d;

ALTER INDEX patients_name_search_idx SET (fastupdate = off);
ALTER INDEX patients_document_search_idx SET (fastupdate = off);
ALTER INDEX patients_affiliate_search_idx SET (fastupdate = off);
