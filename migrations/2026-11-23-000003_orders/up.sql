-- Orders as SUAP describes them (seed 002), their items, and the billing rule.

CREATE TABLE practitioners (
    id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name          text NOT NULL,
    document_type      text,
    document_number    text,
    provincial_license text,
    national_license   text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT practitioners_document_key UNIQUE (document_type, document_number),
    CONSTRAINT practitioners_document_type_check CHECK (
        document_type IN ('DNI', 'LE', 'LC', 'CI', 'PASSPORT', 'CC', 'TI', 'CE')),
    CONSTRAINT practitioners_full_name_length CHECK (char_length(full_name) <= 200),
    CONSTRAINT practitioners_full_name_required CHECK (btrim(full_name) <> ''),
    CONSTRAINT practitioners_national_license_key UNIQUE (national_license),
    CONSTRAINT practitioners_provincial_license_key UNIQUE (provincial_license)
);
SELECT manage_updated_at('practitioners');

CREATE TABLE orders (
    id                     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- SUAP's own token ("O1234") of an imported order: importing it again updates this row.
    suap_token             text,
    -- SUAP Tipo; 'CONSUMO' is the only type the seed defines.
    type                   text NOT NULL DEFAULT 'CONSUMPTION',
    order_number           text,
    point_of_care_id       integer CONSTRAINT orders_point_of_care_id_fkey REFERENCES locations (id) ON DELETE RESTRICT,
    -- SUAP _PuntoAtencion, its internal id of the point of care, kept as received.
    suap_point_of_care     integer,
    branch                 text,
    performed_on           date,
    prescribed_on          date,
    -- SUAP FechaAutorizacion: the last exchange with the insurer, the consumption date.
    authorized_at          timestamptz,
    diagnosis_text         text,
    observations           text,
    -- SUAP EstadoAutorizacion codes, 0..8 (see the seed's table).
    authorization_status   smallint NOT NULL DEFAULT 0,
    authorization_message  text,
    cancelled_by_provider  boolean NOT NULL DEFAULT false,
    draft                  boolean NOT NULL DEFAULT false,
    verified               boolean NOT NULL DEFAULT false,
    affiliate_id           integer NOT NULL CONSTRAINT orders_affiliate_id_fkey REFERENCES patients (id) ON DELETE RESTRICT,
    social_work_id         integer NOT NULL CONSTRAINT orders_social_work_id_fkey REFERENCES social_works (id) ON DELETE RESTRICT,
    provider_id            integer CONSTRAINT orders_provider_id_fkey REFERENCES practitioners (id) ON DELETE RESTRICT,
    prescriber_id          integer CONSTRAINT orders_prescriber_id_fkey REFERENCES practitioners (id) ON DELETE RESTRICT,
    -- As SUAP reported them; for orders created here, the sums of the authorized items.
    -- Money: numeric without a scale, so that 10.555 is refused rather than silently rounded.
    total_authorized_value numeric NOT NULL DEFAULT 0,
    total_copay_value      numeric NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_authorization_status_check CHECK (authorization_status BETWEEN 0 AND 8),
    CONSTRAINT orders_suap_token_key UNIQUE (suap_token),
    CONSTRAINT orders_suap_token_format CHECK (suap_token ~ '^O[0-9]{1,18}$'),
    CONSTRAINT orders_totals_precision CHECK (scale(total_authorized_value) <= 2 AND scale(total_copay_value) <= 2),
    CONSTRAINT orders_totals_range CHECK (total_authorized_value >= 0 AND total_copay_value >= 0),
    CONSTRAINT orders_type_check CHECK (type IN ('CONSUMPTION'))
);
CREATE INDEX orders_social_work_idx ON orders (social_work_id, authorized_at);
CREATE INDEX orders_affiliate_idx ON orders (affiliate_id);
CREATE INDEX orders_authorized_at_idx ON orders (authorized_at);
SELECT manage_updated_at('orders');

CREATE TABLE order_items (
    id                    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id              integer NOT NULL CONSTRAINT order_items_order_id_fkey REFERENCES orders (id) ON DELETE CASCADE,
    position              integer NOT NULL,
    suap_token            text,
    nomenclator_code      text NOT NULL,
    nomenclator           text NOT NULL,
    name                  text NOT NULL,
    -- SUAP item EstadoAutorizacion codes: 0, 1, 2, 3 or 6.
    authorization_status  smallint NOT NULL DEFAULT 0,
    authorization_message text,
    total_value           numeric NOT NULL,
    copay_value           numeric,
    CONSTRAINT order_items_authorization_status_check CHECK (authorization_status IN (0, 1, 2, 3, 6)),
    CONSTRAINT order_items_name_required CHECK (btrim(name) <> ''),
    CONSTRAINT order_items_nomenclator_code_required CHECK (btrim(nomenclator_code) <> ''),
    CONSTRAINT order_items_position_key UNIQUE (order_id, position),
    CONSTRAINT order_items_values_precision CHECK (scale(total_value) <= 2 AND scale(copay_value) <= 2),
    CONSTRAINT order_items_values_range CHECK (total_value >= 0 AND copay_value >= 0)
);

-- An item the insurer authorized: AUTORIZADA (1) or AUTORIZADA EXTRA SISTEMA (6). SUAP's
-- ValorTotalAutorizado is the sum of these items' values.
CREATE FUNCTION order_item_authorized(item_status smallint) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN item_status IN (1, 6);

-- THE billing rule (seed 002's table and header conditions), defined once: an item may be
-- billed when its order is of type consumption, not a draft, not cancelled by the provider,
-- in order state 1, 2, 5, 6 or 8, and the item itself is authorized. (SUAP also asks for a
-- token: every stored order has one, "O" || id.)
CREATE FUNCTION order_item_billable(
    order_type text, draft boolean, cancelled boolean, order_status smallint, item_status smallint
) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN order_type = 'CONSUMPTION' AND NOT draft AND NOT cancelled
       AND order_status IN (1, 2, 5, 6, 8) AND order_item_authorized(item_status);

CREATE VIEW order_item_rows AS
SELECT i.*,
       order_item_billable(o.type, o.draft, o.cancelled_by_provider, o.authorization_status, i.authorization_status)
           AS billable
FROM order_items i
JOIN orders o ON o.id = i.order_id;

-- Each order with what the rule says of it: billable when any item is; the sums of its
-- billable items; and whether SUAP's totals disagree with its authorized items (the copay
-- only when items carry one: some agreements compute it for the whole order).
CREATE VIEW order_rows AS
SELECT o.*,
       coalesce(s.billable, false) AS billable,
       coalesce(s.billable_amount, 0) AS billable_amount,
       coalesce(s.billable_copay_amount, 0) AS billable_copay_amount,
       (o.total_authorized_value <> coalesce(s.authorized_value, 0)
        OR (s.authorized_copays > 0 AND o.total_copay_value <> s.authorized_copay)) AS totals_mismatch
FROM orders o
LEFT JOIN LATERAL (
    SELECT bool_or(i.billable) AS billable,
           sum(i.total_value) FILTER (WHERE i.billable) AS billable_amount,
           sum(coalesce(i.copay_value, 0)) FILTER (WHERE i.billable) AS billable_copay_amount,
           sum(i.total_value) FILTER (WHERE order_item_authorized(i.authorization_status)) AS authorized_value,
           sum(i.copay_value) FILTER (WHERE order_item_authorized(i.authorization_status)) AS authorized_copay,
           count(i.copay_value) FILTER (WHERE order_item_authorized(i.authorization_status)) AS authorized_copays
    FROM order_item_rows i
    WHERE i.order_id = o.id
) s ON true;

-- For orders created here: the totals are the sums of the authorized items.
CREATE FUNCTION set_order_totals_from_items(p_order_id integer) RETURNS void
    LANGUAGE sql
BEGIN ATOMIC
    UPDATE orders o
       SET total_authorized_value = t.value, total_copay_value = t.copay
      FROM (SELECT coalesce(sum(total_value), 0) AS value, coalesce(sum(copay_value), 0) AS copay
              FROM order_items
             WHERE order_id = p_order_id AND order_item_authorized(authorization_status)) t
     WHERE o.id = p_order_id;
END;
