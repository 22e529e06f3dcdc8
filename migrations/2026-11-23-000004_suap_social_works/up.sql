-- A SUAP import may name a social work the clinic has not registered yet. SUAP sends its
-- convenio token and short name but no contact data, so such a social work is created with
-- `contact_pending`: address, phone and webpage empty until an administrator completes them.
-- Everything else (the createSocialWork/updateSocialWork path) still requires all three.
ALTER TABLE social_works
    ADD COLUMN contact_pending boolean NOT NULL DEFAULT false,
    DROP CONSTRAINT social_works_address_required,
    DROP CONSTRAINT social_works_phone_required,
    DROP CONSTRAINT social_works_webpage_required,
    ADD CONSTRAINT social_works_address_required CHECK (contact_pending OR btrim(address) <> ''),
    ADD CONSTRAINT social_works_phone_required CHECK (contact_pending OR btrim(phone) <> ''),
    ADD CONSTRAINT social_works_webpage_required CHECK (contact_pending OR btrim(webpage) <> ''),
    -- Pending means "nothing known yet" and only for a social work SUAP identified.
    ADD CONSTRAINT social_works_contact_pending_check CHECK (
        NOT contact_pending OR (address = '' AND phone = '' AND webpage = '' AND code IS NOT NULL));
