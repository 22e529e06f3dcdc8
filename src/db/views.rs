//! Views the service reads, declared by hand (`diesel print-schema` covers tables only).

use super::schema::{locations, specialties};

diesel::table! {
    /// `authorizations` joined with what the validity rule needs from its EPS, specialty and
    /// site, and the rule's verdict for today (`denial_today` NULL when valid).
    authorization_rows (id) {
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
        eps_active -> Bool,
        denial_today -> Nullable<Text>,
        specialty_active -> Bool,
        location_active -> Bool,
    }
}

diesel::joinable!(authorization_rows -> specialties (specialty_id));
diesel::joinable!(authorization_rows -> locations (location_id));
diesel::allow_tables_to_appear_in_same_query!(authorization_rows, specialties);
diesel::allow_tables_to_appear_in_same_query!(authorization_rows, locations);

diesel::table! {
    /// `order_items` with the billing rule's verdict (`order_item_billable`).
    order_item_rows (id) {
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
        billable -> Bool,
    }
}
