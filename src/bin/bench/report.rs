//! The BENCHMARKS.md table.

use std::fmt::Write;

use crate::{Args, width::Width};

pub struct Ceiling {
    pub script: &'static str,
    pub per_second: f64,
}

pub struct Row {
    pub name: &'static str,
    pub per_second: f64,
    pub p50: f64,
    pub p99: f64,
    pub requests: u64,
    pub errors: u64,
    /// Expected refusals (a booking past the quota), not errors.
    pub refused: u64,
    pub statements: f64,
    /// CPU time per request, in microseconds: the service's, and its PostgreSQL backends'.
    pub service_cpu_us: f64,
    pub postgres_cpu_us: f64,
    pub peak_rss_mb: f64,
    pub ceiling: Option<Ceiling>,
    /// The hand-written reference's row for this scenario, not the service's.
    pub reference: bool,
    /// The `--baseline` build's row for this scenario.
    pub baseline: bool,
    /// How many replicas of the service answered (1 but for the scaling-out row).
    pub replicas: usize,
    /// Whether it was answered through PgBouncer in transaction pooling.
    pub pgbouncer: bool,
    /// Whether PostGraphile answered it (the peer), not the service.
    pub peer: bool,
    pub p99_target: Option<f64>,
    pub ratio_target: Option<f64>,
}

impl Row {
    fn ratio(&self) -> Option<f64> {
        let ceiling = self.ceiling.as_ref()?;
        (ceiling.per_second > 0.0).then(|| self.per_second / ceiling.per_second)
    }

    /// Each target with whether this run met it.
    fn verdicts(&self) -> Vec<String> {
        let mut out = vec![];
        if let (Some(target), Some(ratio)) = (self.ratio_target, self.ratio()) {
            out.push(format!("ratio >= {target}: {}", mark(ratio >= target)));
        }
        if let Some(target) = self.p99_target {
            out.push(format!("p99 < {target} ms: {}", mark(self.p99 < target)));
        }
        out.push(format!("0 errors: {}", mark(self.errors == 0)));
        out.push(format!("RSS < 64 MB: {}", mark(self.peak_rss_mb < 64.0)));
        out
    }
}

/// How a target reads in the report.
fn mark(met: bool) -> &'static str {
    if met { "met" } else { "**missed**" }
}

/// The errors cell: errors, and the expected refusals beside them.
fn errors(row: &Row) -> String {
    match row.refused {
        0 => row.errors.to_string(),
        refused => format!("{} (+{refused} refused as expected)", row.errors),
    }
}

pub fn render(
    rows: &[Row],
    args: &Args,
    pool_size: u64,
    build_seconds: Option<f64>,
    width: Option<&Width>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Benchmarks\n");
    let _ = writeln!(
        out,
        "Written by `bench/run` (see README: Benchmark) on {}; every number below comes from that \
         one run, so compare ratios, not absolute figures, across machines.\n",
        today()
    );
    if let Some(picture) = args.out.with_extension("svg").file_name() {
        let _ = writeln!(
            out,
            "![req/s and p99 of every row, the service beside the reference and PostGraphile]({})\n",
            picture.to_string_lossy()
        );
    }
    let _ = writeln!(out, "- Machine: {}", machine());
    let _ = writeln!(
        out,
        "- Data: 50 social works, {} patients, 20 EPS x 30 specialties x 10 sites with 3,000 \
         authorizations, {} orders with one to five items each, a week of slots for 41 \
         specialty/site pairs (`bench/data.sql`, `--patients`); {}.",
        args.patients,
        u64::from(args.patients) * 5,
        build_seconds.map_or("kept from an earlier run (`--keep-data`)".to_owned(), |s| {
            format!("built in {s:.0} s")
        })
    );
    let _ = writeln!(
        out,
        "- Load: {} keep-alive HTTP/1.1 connections over loopback, closed loop, {} s warm-up then \
         {} s measured per scenario; service pool {} connections, {}; load generator, service \
         and PostgreSQL share the machine.",
        args.connections,
        args.warmup,
        args.seconds,
        pool_size,
        args.service_workers
            .map_or("one tokio worker thread per core".into(), |n| {
                format!("{n} tokio worker thread(s) (--service-workers)")
            })
    );
    let _ = writeln!(
        out,
        "- Ceiling: `pgbench -M prepared -c {} -j 2 -T {}` running the SQL a hand-written \
         service would send for the same answer (`bench/{{ceiling_patients,ceiling_check}}.sql`), \
         with the service stopped.",
        args.connections, args.seconds
    );
    let _ = writeln!(
        out,
        "- CPU per request: user + system time of the service's process and of its PostgreSQL \
         backends over the measured window (`/proc/<pid>/stat`). Neighbours on a shared machine \
         move req/s much more than this, so compare builds by it."
    );
    let _ = writeln!(
        out,
        "- Reference rows: (a) and (b) answered by a hand-written service on the same stack \
         (axum, tokio, diesel-async, the same pool and allocator) with the ceiling's SQL and no \
         GraphQL (`src/bin/bench/handwritten.rs`); it checks the same token and gives the same \
         answers as the service (the run checks that first).\n"
    );
    let _ = writeln!(
        out,
        "| scenario | req/s | p50 ms | p99 ms | requests | errors | SQL/request | service CPU µs/request | PostgreSQL CPU µs/request | peak RSS MB | ceiling tps | ratio |"
    );
    let _ = writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for row in rows {
        let (ceiling, ratio) = match (&row.ceiling, row.ratio()) {
            (Some(c), Some(r)) => (format!("{:.0}", c.per_second), format!("{r:.2}")),
            _ => ("-".into(), "-".into()),
        };
        let _ = writeln!(
            out,
            "| {} | {:.0} | {:.2} | {:.2} | {} | {} | {} | {:.0} | {:.0} | {:.1} | {} | {} |",
            row.name,
            row.per_second,
            row.p50,
            row.p99,
            row.requests,
            errors(row),
            if row.statements.is_finite() {
                format!("{:.2}", row.statements)
            } else {
                "-".to_owned()
            },
            row.service_cpu_us,
            row.postgres_cpu_us,
            row.peak_rss_mb,
            ceiling,
            ratio
        );
    }
    let _ = writeln!(out, "\n## Targets\n");
    for row in rows.iter().filter(|r| !r.baseline && !r.peer) {
        let _ = writeln!(out, "- {}: {}", row.name, row.verdicts().join("; "));
    }
    let reference_pairs: Vec<_> = beside_service(rows, |r| r.reference)
        .map(|(service, reference)| (service.name, service, reference))
        .collect();
    let peers: Vec<_> = beside_service(rows, |r| r.peer)
        .map(|(service, peer)| (service.name, service, peer))
        .collect();
    for line in comparative_verdicts(&reference_pairs, &peers) {
        let _ = writeln!(out, "- {line}");
    }
    ratio_table(
        &mut out,
        "The service against the hand-written reference",
        ("service", "reference"),
        &[REQUESTS, SERVICE_CPU, POSTGRES_CPU],
        &reference_pairs,
    );
    let scaled: Vec<_> = beside_service(rows, |r| r.replicas > 1)
        .map(|(one, many)| (one.name, many, one))
        .collect();
    ratio_table(
        &mut out,
        "Two replicas against one\n\n\
         The same scenario with the load's connections spread over two replicas of the \
         service on the same database (a round-robin of connections, as a balancer would), \
         each replica with the pool above. On one 2-core machine the replicas, PostgreSQL \
         and the load generator share the same cores, so this shows what a second process \
         costs or gains here, not what a second machine would.",
        ("two", "one"),
        &[REQUESTS, P99, SERVICE_CPU],
        &scaled,
    );
    ratio_table(
        &mut out,
        "The service against PostGraphile\n\n\
         PostGraphile 5.1 (amber preset, production mode, Node 22, the same pool size; \
         `bench/postgraphile/`) over the same database, answering the same page in its own \
         names, measured right after the service. It asks for no token. Targets: at least \
         2.5x its req/s, at most half its p99, at most an eighth of its memory.",
        ("service", "PostGraphile"),
        &[REQUESTS, P99, PEAK_RSS, SERVICE_CPU, POSTGRES_CPU],
        &peers,
    );
    let pooled: Vec<_> = beside_service(rows, |r| r.pgbouncer)
        .map(|(direct, through)| (direct.name, through, direct))
        .collect();
    ratio_table(
        &mut out,
        "Through PgBouncer against directly\n\n\
         The same scenario with PgBouncer 1.24 in transaction pooling between the service and \
         PostgreSQL (`DATABASE_POOL_MODE=transaction`), as many server sessions as the \
         service has connections. Service CPU includes PgBouncer's.",
        ("PgBouncer", "direct"),
        &[REQUESTS, P99, SERVICE_CPU, POSTGRES_CPU],
        &pooled,
    );
    let baselines: Vec<_> = rows
        .windows(2)
        .filter(|pair| pair[1].baseline)
        .map(|pair| (pair[0].name, &pair[0], &pair[1]))
        .collect();
    ratio_table(
        &mut out,
        &format!(
            "This build against the baseline\n\n\
             The `--baseline` build ({}) measured right after this one on each scenario, same \
             data, same load.",
            args.baseline
                .as_deref()
                .map_or("?".into(), |p| p.display().to_string())
        ),
        ("this", "baseline"),
        &[REQUESTS, P99, SERVICE_CPU],
        &baselines,
    );
    if let Some(width) = width {
        let _ = writeln!(
            out,
            "\n## What reading every column costs PostgreSQL\n\n\
             (a)'s page of patients, each statement run {} times on one connection with the \
             service stopped, timed by that connection's backend CPU.\n\n\
             | statement | PostgreSQL CPU µs per run |\n|---|---:|\n\
             | the service's: every column of the patient and of its social work | {:.0} |\n\
             | every column of the patient, the social work's name | {:.0} |\n\
             | the ceiling's five columns | {:.0} |",
            width.runs, width.service, width.patients_wide, width.narrow
        );
    }
    out
}

/// Each row `variant` picks, with the service's own row of its scenario.
fn beside_service<'a>(
    rows: &'a [Row],
    variant: impl Fn(&Row) -> bool + 'a,
) -> impl Iterator<Item = (&'a Row, &'a Row)> + 'a {
    rows.iter()
        .filter(move |r| variant(r))
        .filter_map(|row| Some((service_row(rows, letter(row.name))?, row)))
}

/// The service's own row of scenario `letter`: one replica, this build, not the reference.
fn service_row(rows: &[Row], letter_: char) -> Option<&Row> {
    rows.iter().find(|r| {
        !r.reference && !r.baseline && !r.pgbouncer && r.replicas == 1 && letter(r.name) == letter_
    })
}

/// A measure compared across two rows, by name.
type Column = (&'static str, fn(&Row) -> f64);
const REQUESTS: Column = ("req/s", |r| r.per_second);
const P99: Column = ("p99", |r| r.p99);
const SERVICE_CPU: Column = ("service CPU per request", |r| r.service_cpu_us);
const POSTGRES_CPU: Column = ("PostgreSQL CPU per request", |r| r.postgres_cpu_us);
const PEAK_RSS: Column = ("peak RSS", |r| r.peak_rss_mb);

/// The targets that compare the service with another server in the same run: (a) at 0.6 of
/// the hand-written reference's req/s and at most twice its service CPU per request, (b) at
/// 0.8 of its req/s; (a) at 2.5 times PostGraphile's req/s, at most half its p99 and an eighth
/// of its peak RSS.
fn comparative_verdicts(
    references: &[(&str, &Row, &Row)],
    peers: &[(&str, &Row, &Row)],
) -> Vec<String> {
    let ratio = |a: &Row, b: &Row, column: Column| (column.1)(a) / (column.1)(b);
    let mut out = vec![];
    for (name, service, reference) in references {
        let req = ratio(service, reference, REQUESTS);
        let mut verdicts = vec![];
        match letter(name) {
            'a' => {
                let cpu = ratio(service, reference, SERVICE_CPU);
                verdicts.push(format!(
                    "req/s >= 0.6 of it ({req:.2}): {}",
                    mark(req >= 0.6)
                ));
                verdicts.push(format!(
                    "service CPU per request <= 2x its ({cpu:.2}): {}",
                    mark(cpu <= 2.0)
                ));
            }
            'b' => verdicts.push(format!(
                "req/s >= 0.8 of it ({req:.2}): {}",
                mark(req >= 0.8)
            )),
            _ => continue,
        }
        let verdicts = verdicts.join("; ");
        out.push(format!(
            "{name}, against the hand-written reference: {verdicts}"
        ));
    }
    for (name, service, peer) in peers {
        let (req, p99, rss) = (
            ratio(service, peer, REQUESTS),
            ratio(service, peer, P99),
            ratio(service, peer, PEAK_RSS),
        );
        out.push(format!(
            "{name}, against PostGraphile: req/s >= 2.5x ({req:.2}): {}; p99 <= 0.5x ({p99:.2}): {}; \
             peak RSS <= 0.125x ({rss:.2}): {}",
            mark(req >= 2.5),
            mark(p99 <= 0.5),
            mark(rss <= 0.125)
        ));
    }
    out
}

/// A section of ratios `this / that` (named by `labels`), one line per (name, this, that);
/// nothing when there are none.
fn ratio_table(
    out: &mut String,
    heading: &str,
    (this, that): (&str, &str),
    columns: &[Column],
    rows: &[(&str, &Row, &Row)],
) {
    if rows.is_empty() {
        return;
    }
    let _ = write!(out, "\n## {heading}\n\n| scenario |");
    for (label, _) in columns {
        let _ = write!(out, " {label}, {this} / {that} |");
    }
    let _ = writeln!(out, "\n|---|{}", "---:|".repeat(columns.len()));
    for (name, a, b) in rows {
        let _ = write!(out, "| {name} |");
        for (_, value) in columns {
            let _ = write!(out, " {:.2} |", value(a) / value(b));
        }
        let _ = writeln!(out);
    }
}

/// A scenario's letter: `a` for "(a) ...". The service's row and its reference share it.
pub fn letter(name: &str) -> char {
    name.chars().nth(1).unwrap_or('?')
}

fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines().find_map(|l| {
                l.strip_prefix("model name")?
                    .split_once(':')
                    .map(|(_, v)| v.trim().to_owned())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            text.lines().find_map(|l| {
                l.strip_prefix("MemTotal:")?
                    .trim()
                    .strip_suffix("kB")?
                    .trim()
                    .parse::<f64>()
                    .ok()
            })
        })
        .map_or("? GiB".into(), |kb| {
            format!("{:.0} GiB", kb / 1024.0 / 1024.0)
        });
    let postgres = std::process::Command::new("pgbench")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    format!("{cores} cores ({cpu}), {memory} RAM, {postgres}")
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in super::super) fn row(name: &'static str, per_second: f64, p99: f64, cpu: f64) -> Row {
        Row {
            name,
            per_second,
            p50: 1.0,
            p99,
            requests: 1,
            errors: 0,
            refused: 0,
            statements: 1.0,
            service_cpu_us: cpu,
            postgres_cpu_us: cpu / 2.0,
            peak_rss_mb: 1.0,
            ceiling: None,
            reference: false,
            baseline: false,
            replicas: 1,
            pgbouncer: false,
            peer: false,
            p99_target: None,
            ratio_target: None,
        }
    }

    #[test]
    fn the_comparative_targets_are_judged_on_this_run_s_ratios() {
        let (service, reference) = (
            row("(a) page", 300.0, 2.0, 90.0),
            row("(a) reference", 400.0, 1.0, 50.0),
        );
        let (check, check_reference) = (
            row("(b) check", 790.0, 1.0, 10.0),
            row("(b) reference", 1000.0, 1.0, 10.0),
        );
        let mut peer = row("(a) peer", 100.0, 5.0, 10.0);
        peer.peak_rss_mb = 7.0;
        let lines = comparative_verdicts(
            &[
                ("(a) page", &service, &reference),
                ("(b) check", &check, &check_reference),
            ],
            &[("(a) page", &service, &peer)],
        );
        assert_eq!(
            lines,
            [
                "(a) page, against the hand-written reference: req/s >= 0.6 of it (0.75): met; \
                 service CPU per request <= 2x its (1.80): met",
                "(b) check, against the hand-written reference: req/s >= 0.8 of it (0.79): **missed**",
                "(a) page, against PostGraphile: req/s >= 2.5x (3.00): met; p99 <= 0.5x (0.40): met; \
                 peak RSS <= 0.125x (0.14): **missed**",
            ]
        );
    }

    #[test]
    fn a_ratio_table_divides_each_column_of_this_row_by_that_row_s() {
        let (this, that) = (
            row("(a) x", 300.0, 2.0, 50.0),
            row("(a) y", 200.0, 4.0, 100.0),
        );
        let mut out = String::new();
        ratio_table(
            &mut out,
            "Heading",
            ("two", "one"),
            &[REQUESTS, P99, SERVICE_CPU],
            &[("(a) x", &this, &that)],
        );
        assert_eq!(
            out,
            "\n## Heading\n\n| scenario | req/s, two / one | p99, two / one | service CPU per request, two / one |\n\
             |---|---:|---:|---:|\n| (a) x | 1.50 | 0.50 | 0.50 |\n"
        );
        let mut empty = String::new();
        ratio_table(&mut empty, "Heading", ("a", "b"), &[REQUESTS], &[]);
        assert!(empty.is_empty(), "no rows, no section");
    }
}
