// @generated automatically by Diesel CLI.

diesel::table! {
    appointment_audit (id) {
        id -> Int8,
        appointment_id -> Int4,
        action -> Text,
        changed_at -> Timestamptz,
        changed_by -> Nullable<Int4>,
        old_data -> Nullable<Jsonb>,
        new_data -> Nullable<Jsonb>,
        changed_fields -> Array<Text>,
    }
}

diesel::table! {
    appointments (id) {
        id -> Int4,
        patient_id -> Int4,
        slot_id -> Int4,
        status -> Text,
        prior_authorization_number -> Nullable<Text>,
        authorization_id -> Int4,
        eps_id -> Int4,
        specialty_id -> Int4,
        location_id -> Int4,
        day -> Date,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        copay_percentage -> Nullable<Numeric>,
        booked_by -> Nullable<Int4>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    authorization_audit (id) {
        id -> Int8,
        authorization_id -> Int4,
        action -> Text,
        changed_at -> Timestamptz,
        changed_by -> Nullable<Int4>,
        old_data -> Nullable<Jsonb>,
        new_data -> Nullable<Jsonb>,
        changed_fields -> Array<Text>,
        eps_id -> Int4,
        specialty_id -> Int4,
        location_id -> Int4,
    }
}

diesel::table! {
    authorizations (id) {
        id -> Int4,
        eps_id -> Int4,
        specialty_id -> Int4,
        location_id -> Int4,
        authorized -> Bool,
        authorization_date -> Nullable<Date>,
        expiration_date -> Nullable<Date>,
        max_monthly_appointments -> Nullable<Int4>,
        copay_percentage -> Nullable<Numeric>,
        requires_prior_authorization -> Bool,
        notes -> Nullable<Text>,
        created_by -> Nullable<Int4>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    eps (id) {
        id -> Int4,
        name -> Text,
        code -> Text,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    locations (id) {
        id -> Int4,
        name -> Text,
        address -> Text,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    order_items (id) {
        id -> Int4,
        order_id -> Int4,
        position -> Int4,
        suap_token -> Nullable<Text>,
        nomenclator_code -> Text,
        nomenclator -> Text,
        name -> Text,
        authorization_status -> Int2,
        authorization_message -> Nullable<Text>,
        total_value -> Numeric,
        copay_value -> Nullable<Numeric>,
    }
}

diesel::table! {
    availabilities (id) {
        id -> Int4,
        specialty_id -> Int4,
        location_id -> Int4,
        practitioner_id -> Nullable<Int4>,
        day -> Date,
        start_time -> Time,
        end_time -> Time,
        slot_minutes -> Int4,
        capacity -> Int4,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        cancelled_at -> Nullable<Timestamptz>,
        created_by -> Nullable<Int4>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    billing_calendar (one_row) {
        one_row -> Bool,
        time_zone -> Text,
    }
}

diesel::table! {
    billing_days (day, social_work_id) {
        day -> Date,
        social_work_id -> Int4,
        order_count -> Int4,
        billable_order_count -> Int4,
        billable_amount -> Numeric,
        copay_amount -> Numeric,
    }
}

diesel::table! {
    orders (id) {
        id -> Int4,
        suap_token -> Nullable<Text>,
        #[sql_name = "type"]
        type_ -> Text,
        order_number -> Nullable<Text>,
        point_of_care_id -> Nullable<Int4>,
        suap_point_of_care -> Nullable<Int4>,
        branch -> Nullable<Text>,
        performed_on -> Nullable<Date>,
        prescribed_on -> Nullable<Date>,
        authorized_at -> Nullable<Timestamptz>,
        diagnosis_text -> Nullable<Text>,
        observations -> Nullable<Text>,
        authorization_status -> Int2,
        authorization_message -> Nullable<Text>,
        cancelled_by_provider -> Bool,
        draft -> Bool,
        verified -> Bool,
        affiliate_id -> Int4,
        social_work_id -> Int4,
        provider_id -> Nullable<Int4>,
        prescriber_id -> Nullable<Int4>,
        total_authorized_value -> Numeric,
        total_copay_value -> Numeric,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        billable -> Bool,
        billable_amount -> Numeric,
        billable_copay_amount -> Numeric,
        totals_mismatch -> Bool,
    }
}

diesel::table! {
    patients (id) {
        id -> Int4,
        first_name -> Text,
        last_name -> Text,
        document_type -> Text,
        document_number -> Text,
        birth_date -> Nullable<Date>,
        gender -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        address -> Nullable<Text>,
        social_work_id -> Int4,
        affiliate_number -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        eps_id -> Nullable<Int4>,
        origin -> Text,
        search_name -> Text,
        search_affiliate -> Nullable<Text>,
    }
}

diesel::table! {
    patient_suap_tokens (social_work_id, token) {
        social_work_id -> Int4,
        token -> Text,
        patient_id -> Int4,
    }
}

diesel::table! {
    practitioner_suap_tokens (social_work_id, token) {
        social_work_id -> Int4,
        token -> Text,
        practitioner_id -> Int4,
    }
}

diesel::table! {
    practitioners (id) {
        id -> Int4,
        full_name -> Text,
        document_type -> Nullable<Text>,
        document_number -> Nullable<Text>,
        provincial_license -> Nullable<Text>,
        national_license -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    quota_usage (authorization_id, month) {
        authorization_id -> Int4,
        month -> Date,
        used -> Int4,
    }
}

diesel::table! {
    slots (id) {
        id -> Int4,
        availability_id -> Int4,
        specialty_id -> Int4,
        location_id -> Int4,
        day -> Date,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        capacity -> Int4,
        booked -> Int4,
        open -> Bool,
    }
}

diesel::table! {
    social_works (id) {
        id -> Int4,
        name -> Text,
        state -> Text,
        address -> Text,
        phone -> Text,
        webpage -> Text,
        code -> Nullable<Text>,
        biochemical_unit_value -> Nullable<Numeric>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        contact_pending -> Bool,
    }
}

diesel::table! {
    specialties (id) {
        id -> Int4,
        name -> Text,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    login_throttle (key) {
        key -> Text,
        failures -> Int4,
        last_failure -> Nullable<Timestamptz>,
        blocked_until -> Nullable<Timestamptz>,
        trusted_until -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    users (id) {
        id -> Int4,
        username -> Text,
        password_hash -> Nullable<Text>,
        role -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        issuer -> Nullable<Text>,
    }
}

diesel::joinable!(appointment_audit -> users (changed_by));
diesel::joinable!(appointments -> authorizations (authorization_id));
diesel::joinable!(appointments -> patients (patient_id));
diesel::joinable!(appointments -> slots (slot_id));
diesel::joinable!(authorization_audit -> users (changed_by));
diesel::joinable!(authorizations -> eps (eps_id));
diesel::joinable!(authorizations -> locations (location_id));
diesel::joinable!(authorizations -> specialties (specialty_id));
diesel::joinable!(authorizations -> users (created_by));
diesel::joinable!(availabilities -> locations (location_id));
diesel::joinable!(availabilities -> practitioners (practitioner_id));
diesel::joinable!(availabilities -> specialties (specialty_id));
diesel::joinable!(billing_days -> social_works (social_work_id));
diesel::joinable!(order_items -> orders (order_id));
diesel::joinable!(orders -> locations (point_of_care_id));
diesel::joinable!(orders -> patients (affiliate_id));
diesel::joinable!(orders -> social_works (social_work_id));
diesel::joinable!(patients -> eps (eps_id));
diesel::joinable!(patients -> social_works (social_work_id));
diesel::joinable!(patient_suap_tokens -> patients (patient_id));
diesel::joinable!(practitioner_suap_tokens -> practitioners (practitioner_id));
diesel::joinable!(quota_usage -> authorizations (authorization_id));
diesel::joinable!(slots -> availabilities (availability_id));

diesel::allow_tables_to_appear_in_same_query!(
    appointment_audit,
    appointments,
    authorization_audit,
    authorizations,
    availabilities,
    billing_calendar,
    billing_days,
    eps,
    locations,
    login_throttle,
    order_items,
    orders,
    patient_suap_tokens,
    patients,
    practitioner_suap_tokens,
    practitioners,
    quota_usage,
    slots,
    social_works,
    specialties,
    users,
);
