DROP TABLE appointment_audit, appointments, quota_usage, slots, availabilities;
DROP FUNCTION recount_bookings(), month_start(date), audit_appointments_truncate(), refuse_log_change(),
    audit_appointment(), jsonb_changed_keys(jsonb, jsonb), count_appointment(),
    book_appointment(), cut_availability(), check_availability();
