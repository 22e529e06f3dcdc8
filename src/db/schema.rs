// @generated automatically by Diesel CLI.

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
    }
}

diesel::joinable!(patients -> social_works (social_work_id));

diesel::allow_tables_to_appear_in_same_query!(patients, social_works, users,);
