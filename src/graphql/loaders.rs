//! The DataLoaders of one request. Built per request, never per schema: a cache shared
//! between requests would leak rows across users and serve stale data.

use async_graphql::dataloader::DataLoader;

use crate::{
    db::DbPool,
    patients::loaders::{PatientCountLoader, PatientLoader, PatientPageLoader},
    social_works::loaders::SocialWorkLoader,
    users::loaders::UserLoader,
};

pub struct Loaders {
    pub social_works: DataLoader<SocialWorkLoader>,
    pub patients: DataLoader<PatientLoader>,
    pub patient_counts: DataLoader<PatientCountLoader>,
    pub patient_pages: DataLoader<PatientPageLoader>,
    pub users: DataLoader<UserLoader>,
}

impl Loaders {
    pub fn new(pool: &DbPool) -> Self {
        Self {
            social_works: DataLoader::new(SocialWorkLoader(pool.clone()), tokio::spawn),
            patients: DataLoader::new(PatientLoader(pool.clone()), tokio::spawn),
            patient_counts: DataLoader::new(PatientCountLoader(pool.clone()), tokio::spawn),
            patient_pages: DataLoader::new(PatientPageLoader(pool.clone()), tokio::spawn),
            users: DataLoader::new(UserLoader(pool.clone()), tokio::spawn),
        }
    }
}
