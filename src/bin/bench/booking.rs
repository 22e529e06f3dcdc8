//! What (g) and (h) book: the patients, agreements and slots `bench/data.sql` lays out for
//! them, read back from the database, and the n-th request of each.

use clinic::graphql::ids::global_id;
use diesel::sql_types::{Array, Int4};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// (g)'s patients of EPS e are `SPREAD_FIRST + 20 * k + e - 1` for k below `SPREAD_ROUNDS`;
/// (h)'s are 1..=`HOT_PATIENTS`, of the contended EPS.
const SPREAD_FIRST: i32 = 1000;
const SPREAD_ROUNDS: u64 = 950;
const HOT_PATIENTS: u64 = 1000;
/// The contended agreement's specialty and site (`bench/data.sql`).
const HOT_PAIR: (i32, i32) = (31, 11);

#[derive(Default)]
pub struct Plan {
    /// Every agreement of EPS 1..20 valid today, without quota, whose pair has slots: its
    /// EPS and its pair's slots in time order.
    spread: Vec<(i32, Vec<i32>)>,
    /// The contended agreement's slots in time order.
    hot: Vec<i32>,
}

#[derive(diesel::QueryableByName)]
struct PairSlots {
    #[diesel(sql_type = Int4)]
    eps_id: i32,
    #[diesel(sql_type = Int4)]
    specialty_id: i32,
    #[diesel(sql_type = Int4)]
    location_id: i32,
    #[diesel(sql_type = Array<Int4>)]
    slots: Vec<i32>,
}

impl Plan {
    pub async fn load(conn: &mut AsyncPgConnection) -> anyhow::Result<Self> {
        let rows: Vec<PairSlots> = diesel::sql_query(
            "SELECT a.eps_id, a.specialty_id, a.location_id,
                    (SELECT array_agg(s.id ORDER BY s.starts_at, s.id) FROM slots s
                      WHERE s.specialty_id = a.specialty_id AND s.location_id = a.location_id) AS slots
               FROM authorization_rows a
              WHERE a.denial_today IS NULL AND (a.max_monthly_appointments IS NULL OR a.eps_id = 21)
                AND EXISTS (SELECT 1 FROM slots s
                             WHERE s.specialty_id = a.specialty_id AND s.location_id = a.location_id)
              ORDER BY a.id",
        )
        .load(conn)
        .await?;
        let mut plan = Self::default();
        for row in rows {
            if (row.specialty_id, row.location_id) == HOT_PAIR {
                plan.hot = row.slots;
            } else {
                plan.spread.push((row.eps_id, row.slots));
            }
        }
        // A patient books one time per agreement of its EPS in a round: the times must not
        // wrap around within a round.
        let times = plan.spread.iter().map(|(_, s)| s.len()).min().unwrap_or(0);
        anyhow::ensure!(
            plan.spread.len() <= times,
            "(g) has {} agreements for {times} slot times: bookings would overlap",
            plan.spread.len()
        );
        Ok(plan)
    }

    /// Whether the database holds what (g) and (h) book (not one built before they existed).
    pub fn is_ready(&self) -> bool {
        !self.spread.is_empty() && !self.hot.is_empty()
    }

    /// (g)'s n-th booking: agreement n mod A, in round n / A, whose patient (of that
    /// agreement's EPS, one per round) books a different time for each of its EPS's
    /// agreements, so no booking overlaps another of the same patient.
    pub fn spread(&self, n: u64) -> serde_json::Value {
        let count = self.spread.len() as u64;
        let (agreement, round) = (n % count, n / count);
        let (eps, slots) = &self.spread[agreement as usize];
        let slot = slots[((agreement + round) % slots.len() as u64) as usize];
        let patient = SPREAD_FIRST + 20 * (round % SPREAD_ROUNDS) as i32 + eps - 1;
        input(patient, slot)
    }

    /// (h)'s n-th booking: the contended agreement's slots in turn, each patient booking
    /// every slot time once before the next patient starts.
    pub fn hot(&self, n: u64) -> serde_json::Value {
        let count = self.hot.len() as u64;
        let slot = self.hot[(n % count) as usize];
        let patient = 1 + ((n / count) % HOT_PATIENTS) as i32;
        input(patient, slot)
    }
}

/// A booking; with a prior-authorization number, which a quarter of the agreements ask for
/// (`bench/data.sql`) and the others keep.
fn input(patient: i32, slot: i32) -> serde_json::Value {
    serde_json::json!({ "input": {
        "patientId": global_id("Patient", patient),
        "slotId": global_id("Slot", slot),
        "priorAuthorizationNumber": format!("AUT-{patient}-{slot}"),
    }})
}
