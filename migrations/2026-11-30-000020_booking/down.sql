DROP TABLE appointment_audit, appointments, quota_usage, slots, availabilities;
DROP FUNCTION recount_bookings(), month_start(date), quota_left(integer, integer),
    slot_takes_bookings(boolean, timestamptz), refuse_closed_slot(boolean, timestamptz),
    refuse_counter_change(), audit_appointments_truncate(), refuse_log_change(),
    audit_appointment(), jsonb_changed_keys(jsonb, jsonb), count_appointment(),
    book_appointment(), cut_availability(), check_availability();
