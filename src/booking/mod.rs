//! Booking (#15): availability blocks cut into slots, and appointments booked into them
//! under the agreement of the patient's EPS, its monthly quota, its prior-authorization flag
//! and its copay. The rules and their concurrency live in PostgreSQL (migration 000020).

mod appointment;
mod availability;
pub mod loaders;
pub mod model;

pub use appointment::{AppointmentMutation, AppointmentQuery, AppointmentStatus, page_of_patient};
pub use availability::{AvailabilityMutation, AvailabilityQuery};
pub use model::{Appointment, Availability, Slot};
