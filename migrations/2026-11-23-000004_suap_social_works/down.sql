-- Fails (on the re-added checks) while a social work still waits for its contact data.
ALTER TABLE social_works
    DROP CONSTRAINT social_works_contact_pending_check,
    DROP CONSTRAINT social_works_address_required,
    DROP CONSTRAINT social_works_phone_required,
    DROP CONSTRAINT social_works_webpage_required,
    DROP COLUMN contact_pending,
    ADD CONSTRAINT social_works_address_required CHECK (btrim(address) <> ''),
    ADD CONSTRAINT social_works_phone_required CHECK (btrim(phone) <> ''),
    ADD CONSTRAINT social_works_webpage_required CHECK (btrim(webpage) <> '');
