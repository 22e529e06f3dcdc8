-- Affiliate numbers are found as people type them (#20): "61-123456-7/01" finds the card
-- stored as "61 123456 7 01". Both sides are compared by their letters and digits only.
CREATE FUNCTION affiliate_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN upper(regexp_replace(value, '[^[:alnum:]]', '', 'g'));
