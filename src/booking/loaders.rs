//! Slots and booked appointments per block, appointment pages and counts per patient, and
//! appointment audit trails, batched per request.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;

use super::model::{self, Appointment, AppointmentAuditRow, Slot, TimeKey};
use crate::{
    db::{RequestPool, page::PageRequest},
    error::AppError,
};

/// Availability id -> its slots, in time order.
pub struct SlotsLoader(pub RequestPool);

impl Loader<i32> for SlotsLoader {
    type Value = Vec<Slot>;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Vec<Slot>>, AppError> {
        Ok(model::slots_of(&mut *self.0.get().await?, keys).await?)
    }
}

/// Availability id -> the appointments still booked in it.
pub struct BookedLoader(pub RequestPool);

impl Loader<i32> for BookedLoader {
    type Value = Vec<Appointment>;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Vec<Appointment>>, AppError> {
        Ok(model::booked_in(&mut *self.0.get().await?, keys).await?)
    }
}

/// Patient id -> how many appointments (any status).
pub struct AppointmentCountLoader(pub RequestPool);

impl Loader<i32> for AppointmentCountLoader {
    type Value = i64;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, i64>, AppError> {
        Ok(model::counts_by_patient(&mut *self.0.get().await?, keys).await?)
    }
}

/// (patient id, page) -> that page's appointments; patients asking for the same page share
/// one statement.
pub struct AppointmentPageLoader(pub RequestPool);

type PageKey = (i32, PageRequest<TimeKey>);

impl Loader<PageKey> for AppointmentPageLoader {
    type Value = Vec<Appointment>;
    type Error = AppError;

    async fn load(&self, keys: &[PageKey]) -> Result<HashMap<PageKey, Vec<Appointment>>, AppError> {
        let mut by_page: HashMap<&PageRequest<TimeKey>, Vec<i32>> = HashMap::new();
        for (id, page) in keys {
            by_page.entry(page).or_default().push(*id);
        }
        let mut conn = self.0.get().await?;
        let mut result = HashMap::new();
        for (page, ids) in by_page {
            let mut pages = model::pages_by_patient(&mut conn, &ids, page).await?;
            for id in ids {
                result.insert((id, page.clone()), pages.remove(&id).unwrap_or_default());
            }
        }
        Ok(result)
    }
}

/// Appointment id -> its audit trail, newest first.
pub struct AppointmentAuditLoader(pub RequestPool);

impl Loader<i32> for AppointmentAuditLoader {
    type Value = Vec<AppointmentAuditRow>;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Vec<AppointmentAuditRow>>, AppError> {
        Ok(model::audit_trails(&mut *self.0.get().await?, keys).await?)
    }
}
