-- Forms report every mistake at once (#20). PostgreSQL stops at the first CHECK that fails;
-- this evaluates every CHECK constraint of a table against a candidate row, so the service
-- can name them all while the rules stay written once, as the constraints themselves.

-- The CHECK constraints of `tbl` that the candidate fails, by name. The candidate is `changes`
-- (column name -> value) laid over the row `row_id` when given (an update), or over the
-- columns' defaults (an insert; sequences are not advanced, and columns with neither are
-- NULL, which a CHECK accepts).
CREATE FUNCTION failing_checks(tbl regclass, changes jsonb, row_id integer DEFAULT NULL)
RETURNS SETOF text
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    candidate jsonb := changes;
    base jsonb := '{}';
    c record;
    d record;
    value jsonb;
    passes boolean;
BEGIN
    IF row_id IS NOT NULL THEN
        EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE t.id = $1', tbl) INTO base USING row_id;
    ELSE
        FOR d IN
            SELECT a.attname, pg_get_expr(ad.adbin, ad.adrelid) AS expr
              FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
             WHERE ad.adrelid = tbl AND pg_get_expr(ad.adbin, ad.adrelid) NOT LIKE '%nextval(%'
        LOOP
            EXECUTE format('SELECT to_jsonb(%s)', d.expr) INTO value;
            base := base || jsonb_build_object(d.attname, value);
        END LOOP;
    END IF;
    candidate := coalesce(base, '{}') || changes;
    FOR c IN
        SELECT conname, pg_get_expr(conbin, conrelid) AS expr
          FROM pg_constraint
         WHERE conrelid = tbl AND contype = 'c'
         ORDER BY conname
    LOOP
        EXECUTE format('SELECT (%s) IS NOT FALSE FROM jsonb_populate_record(NULL::%s, $1)', c.expr, tbl)
            INTO passes USING candidate;
        IF NOT passes THEN
            RETURN NEXT c.conname;
        END IF;
    END LOOP;
END $$;
