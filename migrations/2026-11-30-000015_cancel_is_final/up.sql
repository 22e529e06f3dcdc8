-- "Cancelled by the provider: never billable again" (#19). The clinic's decision holds
-- whoever writes the row later: a re-import of the SUAP document, a hand-made UPDATE.
CREATE FUNCTION keep_cancelled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.cancelled_by_provider := NEW.cancelled_by_provider OR OLD.cancelled_by_provider;
    RETURN NEW;
END $$;
CREATE TRIGGER keep_cancelled BEFORE UPDATE OF cancelled_by_provider ON orders
    FOR EACH ROW EXECUTE FUNCTION keep_cancelled();
