//! Configuration, read from the environment (each variable here is also a command-line flag).
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `DATABASE_URL` | `postgres://postgres@127.0.0.1:5432/clinic` | PostgreSQL; the database is created if missing |
//! | `DATABASE_READ_URL` | none | a streaming replica: read-only requests read lists and billing summaries there |
//! | `DATABASE_POOL_MODE` | `session` | `transaction`: DATABASE_URL (and DATABASE_READ_URL) is PgBouncer ≥ 1.21 in transaction pooling |
//! | `DATABASE_DIRECT_URL` | DATABASE_URL | PostgreSQL itself, for start-up (database creation, migrations, the start-up lock); required in transaction mode |
//! | `LISTEN_ADDR` | `127.0.0.1:8080` | HTTP address |
//! | `JWT_SECRET` | generated per run | HS256 secret (>= 32 bytes) for the tokens `login` issues |
//! | `JWT_PUBLIC_KEY_FILE` | none | RS256 public key (PEM) of an external identity provider |
//! | `JWT_ISSUER`, `JWT_AUDIENCE` | none | when set, tokens must carry that `iss` / `aud` |
//! | `TOKEN_TTL` | `8h` | lifetime of tokens issued by `login` and `token` |
//! | `CORS_ORIGINS` | none | comma-separated origins allowed to call the API from a browser |
//! | `CORS_ALLOW_HEADERS` | x-request-id, apollographql-client-name/-version | headers browsers may send besides Authorization, Content-Type |
//! | `LOG_FORMAT` | `text` | `json`: one JSON object per log line |
//! | `DB_POOL_SIZE` | two per core | connections kept by the pool |
//! | `SHUTDOWN_GRACE` | `20s` | how long in-flight requests may finish after SIGTERM/SIGINT |
//! | `CLINIC_TIME_ZONE` | the host's (TZ, /etc/localtime), else UTC | IANA zone whose date is "today" for authorizations and billing |
//! | `ADMIN_USERNAME`, `ADMIN_PASSWORD` | none | an admin created at start if missing; its password made ADMIN_PASSWORD at every start (written only when it differs) |
//! | `CLINIC_DEMO` | zero-config only | load the demo data into an empty database and allow its accounts |
//! | `METRICS_ADDR` | none (off) | address of a separate listener for `/metrics` |
//! | `JWT_MAX_LIFETIME` | `24h` | tokens whose `exp - iat` is longer are refused |
//! | `HTTP_HEADER_TIMEOUT` | `10s` | a connection must send a whole request head within this long of opening, or of its last response |
//! | `HTTP_MAX_CONNECTIONS` | `512` | connections served at once; more wait to be accepted |
//! | `RUST_LOG` | `info` | log filter (environment only) |
//!
//! Secrets are never printed: `--help` hides their values and `Debug` redacts them.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{Args, Parser, Subcommand};

use crate::auth::Role;

/// What the database URLs reach, as far as session state is concerned.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PoolMode {
    /// PostgreSQL, or a pooler that gives each client one server session (PgBouncer's
    /// session pooling): settings made when a connection opens last as long as it does.
    #[default]
    Session,
    /// PgBouncer 1.21+ in transaction pooling (`max_prepared_statements` > 0): each
    /// transaction may run on another server session, so only the parameters PgBouncer
    /// tracks (time zone, application name) may be set per connection.
    Transaction,
}

/// How log lines are written.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// A header name, or nothing (an empty item: `CORS_ALLOW_HEADERS=` allows no extra header).
fn parse_header_name(value: &str) -> Result<Option<axum::http::HeaderName>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value == "*" {
        // Browsers read `*` as "any header".
        return Err("CORS_ALLOW_HEADERS: list each header; `*` would allow any".to_owned());
    }
    axum::http::HeaderName::try_from(value)
        .map(Some)
        .map_err(|_| format!("`{value}` is not an HTTP header name"))
}

#[derive(Debug, Parser)]
#[command(
    name = "clinic",
    version,
    about = "Insurance back office of a clinic, as a GraphQL API"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations, load demo data into an empty database in demo mode, and serve (the
    /// default).
    Serve,
    /// Create the database if missing and apply pending migrations.
    Migrate,
    /// Load the demo data (idempotent).
    Seed,
    /// Compare the billing rollup with a recount of the orders and say where they differ;
    /// fails when they do.
    Check {
        /// Replace the rollup with the recount (orders are locked against writes meanwhile).
        #[arg(long)]
        repair: bool,
    },
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Set a local account's password, read from the first line of standard input.
    SetPassword {
        /// The account's username.
        username: String,
    },
    /// Mint a token signed with JWT_SECRET.
    Token {
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The token's subject: a username.
        #[arg(long)]
        sub: String,
    },
}

#[derive(Clone, Args)]
pub struct Config {
    /// PostgreSQL URL; the database is created if it does not exist.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/clinic",
        hide_env_values = true,
        global = true
    )]
    pub database_url: String,

    /// A streaming replica of DATABASE_URL (read-only). When set, read-only requests read
    /// their lists, searches and billing summaries there; by-id lookups and everything a
    /// mutation reads back stay on the primary (README: Running more than one).
    #[arg(long, env = "DATABASE_READ_URL", hide_env_values = true, global = true)]
    pub database_read_url: Option<String>,

    /// What DATABASE_URL (and DATABASE_READ_URL) reach: PostgreSQL or a session-pooling
    /// PgBouncer (`session`), or PgBouncer 1.21+ in transaction pooling with
    /// `max_prepared_statements` (`transaction`), where no session state outlives a
    /// transaction (README: Running more than one).
    #[arg(
        long,
        env = "DATABASE_POOL_MODE",
        value_enum,
        default_value = "session",
        global = true
    )]
    pub database_pool_mode: PoolMode,

    /// PostgreSQL itself, not through a pooler: the start-up work (database creation,
    /// migrations, the start-up lock, which is session state) connects here. Default:
    /// DATABASE_URL; required when DATABASE_POOL_MODE is `transaction`.
    #[arg(
        long,
        env = "DATABASE_DIRECT_URL",
        hide_env_values = true,
        global = true
    )]
    pub database_direct_url: Option<String>,

    /// Address the HTTP server listens on.
    #[arg(
        long,
        env = "LISTEN_ADDR",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub listen_addr: SocketAddr,

    /// HS256 signing secret, at least 32 bytes. Unset: a throwaway secret is generated per run.
    #[arg(long, env = "JWT_SECRET", value_parser = parse_secret, hide_env_values = true, global = true)]
    pub jwt_secret: Option<Secret>,

    /// RS256 public key (PEM file) of an external identity provider whose tokens are accepted.
    #[arg(long, env = "JWT_PUBLIC_KEY_FILE", global = true)]
    pub jwt_public_key_file: Option<PathBuf>,

    /// Required `iss` claim.
    #[arg(long, env = "JWT_ISSUER", global = true)]
    pub jwt_issuer: Option<String>,

    /// Required `aud` claim.
    #[arg(long, env = "JWT_AUDIENCE", global = true)]
    pub jwt_audience: Option<String>,

    /// Lifetime of issued tokens: a number with unit s, m, h or d (e.g. 30m, 8h).
    #[arg(long, env = "TOKEN_TTL", default_value = "8h", value_parser = parse_duration, global = true)]
    pub token_ttl: Duration,

    /// Comma-separated browser origins allowed by CORS (e.g. https://app.clinic.example).
    #[arg(long, env = "CORS_ORIGINS", value_delimiter = ',', global = true)]
    pub cors_origins: Vec<String>,

    /// Request headers a browser may send besides Authorization and Content-Type
    /// (comma-separated); the default is what SPA GraphQL clients send.
    #[arg(
        long,
        env = "CORS_ALLOW_HEADERS",
        value_delimiter = ',',
        default_value = "x-request-id,apollographql-client-name,apollographql-client-version",
        value_parser = parse_header_name,
        global = true
    )]
    pub cors_allow_headers: Vec<Option<axum::http::HeaderName>>,

    /// Log lines as text (for people) or json (one object per line, for log collectors).
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,

    /// Database connections in the pool (keep well below the server's max_connections).
    /// Default: two per CPU core, which served the benchmark best (README: Benchmarks).
    #[arg(long, env = "DB_POOL_SIZE", default_value_t = default_pool_size(), value_parser = clap::value_parser!(u16).range(1..=200), global = true)]
    pub db_pool_size: u16,

    /// IANA time zone (e.g. America/Bogota) whose calendar decides "today" for authorizations
    /// and the day of each order for billing. Default: the host's zone (TZ, else the zone
    /// /etc/localtime names), UTC only when neither says.
    #[arg(long, env = "CLINIC_TIME_ZONE", default_value_t = host_time_zone(), value_parser = parse_time_zone, global = true)]
    pub clinic_time_zone: String,

    /// After SIGTERM/SIGINT, in-flight requests get this long to finish (e.g. 20s) before the
    /// process exits anyway.
    #[arg(long, env = "SHUTDOWN_GRACE", default_value = "20s", value_parser = parse_duration, global = true)]
    pub shutdown_grace: Duration,

    /// Username of an admin to create at start if it does not exist.
    #[arg(
        long,
        env = "ADMIN_USERNAME",
        requires = "admin_password",
        global = true
    )]
    pub admin_username: Option<String>,

    /// Password for ADMIN_USERNAME, set at every start (the account is created if missing).
    #[arg(
        long,
        env = "ADMIN_PASSWORD",
        hide_env_values = true,
        requires = "admin_username",
        global = true
    )]
    pub admin_password: Option<Secret>,

    /// Demo mode (`--demo`, `--demo=false`): load the demo data into an empty database and
    /// accept its accounts (password `clinica-demo`). Default: on only when nothing is configured (no DATABASE_URL,
    /// JWT_SECRET, JWT_PUBLIC_KEY_FILE nor ADMIN_USERNAME), as in the README's first command.
    #[arg(long, env = "CLINIC_DEMO", num_args = 0..=1, require_equals = true, default_missing_value = "true", global = true)]
    pub demo: Option<bool>,

    /// Address of a separate listener serving /metrics (e.g. 127.0.0.1:9090). Unset: no
    /// metrics endpoint.
    #[arg(long, env = "METRICS_ADDR", global = true)]
    pub metrics_addr: Option<SocketAddr>,

    /// Longest token lifetime accepted (`exp` minus `iat`), for our tokens and the identity
    /// provider's alike.
    #[arg(long, env = "JWT_MAX_LIFETIME", default_value = "24h", value_parser = parse_duration, global = true)]
    pub jwt_max_lifetime: Duration,

    /// A connection must send a complete request head within this long of opening or of its
    /// previous response (so it is also the keep-alive idle timeout).
    #[arg(long, env = "HTTP_HEADER_TIMEOUT", default_value = "10s", value_parser = parse_duration, global = true)]
    pub http_header_timeout: Duration,

    /// Connections served at once; further ones wait in the listen queue until one closes.
    #[arg(long, env = "HTTP_MAX_CONNECTIONS", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..=65_536), global = true)]
    pub http_max_connections: u32,

    /// Whether DATABASE_URL came from its default (set by [`Cli::from_env`]).
    #[arg(skip)]
    pub database_url_defaulted: bool,
}

impl Cli {
    /// Parses the command line and environment, noting which values were defaults.
    pub fn from_env() -> Self {
        Self::from_args(std::env::args_os()).unwrap_or_else(|err| err.exit())
    }

    pub fn from_args<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::{CommandFactory, FromArgMatches, parser::ValueSource};
        let matches = Self::command().try_get_matches_from(args)?;
        let mut cli = Self::from_arg_matches(&matches)?;
        cli.config.database_url_defaulted =
            matches.value_source("database_url") == Some(ValueSource::DefaultValue);
        Ok(cli)
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field(
                "database_read_url",
                &self.database_read_url.as_deref().map(redact_url),
            )
            .field("database_pool_mode", &self.database_pool_mode)
            .field(
                "database_direct_url",
                &self.database_direct_url.as_deref().map(redact_url),
            )
            .field("listen_addr", &self.listen_addr)
            .field("jwt_public_key_file", &self.jwt_public_key_file)
            .field("jwt_issuer", &self.jwt_issuer)
            .field("jwt_audience", &self.jwt_audience)
            .field("token_ttl", &self.token_ttl)
            .field("shutdown_grace", &self.shutdown_grace)
            .field("cors_origins", &self.cors_origins)
            .field("cors_allow_headers", &self.cors_allow_headers)
            .field("log_format", &self.log_format)
            .field("db_pool_size", &self.db_pool_size)
            .field("clinic_time_zone", &self.clinic_time_zone)
            .field("admin_username", &self.admin_username)
            .field("demo", &self.demo)
            .field("metrics_addr", &self.metrics_addr)
            .field("jwt_max_lifetime", &self.jwt_max_lifetime)
            .field("http_header_timeout", &self.http_header_timeout)
            .field("http_max_connections", &self.http_max_connections)
            .finish_non_exhaustive()
    }
}

/// A string that never shows up in logs or `Debug` output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

/// Checked in `Config::validate`, not here: clap would echo a rejected value, secret included.
fn parse_secret(value: &str) -> Result<Secret, String> {
    Ok(Secret(value.to_owned()))
}

/// Shortest HS256 secret accepted (RFC 7518 asks for at least the hash size, 256 bits).
pub const MIN_SECRET_BYTES: usize = 32;

impl Config {
    /// Demo mode: asked for, or nothing configured (the README's first command).
    pub fn demo_mode(&self) -> bool {
        self.demo.unwrap_or(
            self.database_url_defaulted
                && self.jwt_secret.is_none()
                && self.jwt_public_key_file.is_none()
                && self.admin_username.is_none(),
        )
    }

    /// Where start-up connects: PostgreSQL itself, never through a transaction pooler.
    pub fn direct_url(&self) -> &str {
        self.database_direct_url
            .as_deref()
            .unwrap_or(&self.database_url)
    }

    /// Checks that clap cannot express; each message names its variable.
    pub fn validate(&self) -> Result<(), String> {
        if self.database_pool_mode == PoolMode::Transaction && self.database_direct_url.is_none() {
            return Err(
                "DATABASE_POOL_MODE=transaction needs DATABASE_DIRECT_URL: PostgreSQL \
                        itself, for migrations and the start-up lock, which a transaction \
                        pooler would lose between transactions"
                    .to_owned(),
            );
        }
        if self.jwt_public_key_file.is_some()
            && (self.jwt_issuer.is_none() || self.jwt_audience.is_none())
        {
            return Err(
                "JWT_PUBLIC_KEY_FILE needs JWT_ISSUER and JWT_AUDIENCE: without them, \
                 any token that key signed, for any application, would be accepted"
                    .to_owned(),
            );
        }
        for origin in &self.cors_origins {
            let origin = origin.trim();
            let valid = (origin.starts_with("https://") || origin.starts_with("http://"))
                && !origin.contains('*')
                && !origin.ends_with('/')
                && axum::http::HeaderValue::from_str(origin).is_ok();
            if !valid {
                return Err(format!(
                    "CORS_ORIGINS: `{origin}` is not an origin; list each one as scheme://host[:port] \
                     (a wildcard `*` would let any site call the API with its users' tokens)"
                ));
            }
        }
        if let Some(secret) = &self.jwt_secret
            && secret.expose().len() < MIN_SECRET_BYTES
        {
            return Err(format!(
                "JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes (got {}); generate one with `openssl rand -base64 48`",
                secret.expose().len()
            ));
        }
        Ok(())
    }
}

/// Two connections per core: more backends than that only take turns on the same cores (on
/// 2 cores, 4 connections answered 1.1-1.4x the requests of 8, in one run of bench/run).
fn default_pool_size() -> u16 {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    u16::try_from(cores * 2).unwrap_or(200).clamp(2, 200)
}

/// The host's zone: `TZ` (`America/Bogota`, `:America/Bogota` or a zoneinfo path), else the
/// zone `/etc/localtime` links to, else UTC. A clinic's server keeps its local time; UTC would
/// make "today" tomorrow from 19:00 in Bogotá.
fn host_time_zone() -> String {
    let from_tz = std::env::var("TZ").ok().and_then(|tz| {
        let tz = tz.trim_start_matches(':');
        zone_of_path(tz).or_else(|| parse_time_zone(tz).ok())
    });
    from_tz
        .or_else(|| {
            let target = std::fs::read_link("/etc/localtime").ok()?;
            zone_of_path(target.to_str()?)
        })
        .unwrap_or_else(|| "UTC".to_owned())
}

/// `America/Bogota` from `/usr/share/zoneinfo/America/Bogota` (or `../zoneinfo/...`).
fn zone_of_path(path: &str) -> Option<String> {
    let (_, zone) = path.split_once("zoneinfo/")?;
    parse_time_zone(zone.trim_start_matches("posix/")).ok()
}

/// The shape of an IANA name; whether PostgreSQL knows it is checked at start.
fn parse_time_zone(value: &str) -> Result<String, String> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c));
    if ok {
        Ok(value.to_owned())
    } else {
        Err("CLINIC_TIME_ZONE must be an IANA time zone name such as America/Bogota".to_owned())
    }
}

fn parse_role(value: &str) -> Result<Role, String> {
    value.parse()
}

/// `90s`, `30m`, `8h`, `1d`; a bare number is seconds.
pub fn parse_duration(value: &str) -> Result<Duration, String> {
    let value = value.trim();
    let split = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{value}` is not a duration like 30m or 8h"))?;
    let seconds = match unit {
        "" | "s" => number,
        "m" => number.saturating_mul(60),
        "h" => number.saturating_mul(3600),
        "d" => number.saturating_mul(86_400),
        _ => {
            return Err(format!("unknown unit `{unit}` (use s, m, h or d)"));
        }
    };
    if seconds == 0 || seconds > 30 * 86_400 {
        return Err("a duration must be between 1s and 30d".to_owned());
    }
    Ok(Duration::from_secs(seconds))
}

/// The URL with its password replaced by `***`, for messages and logs.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let authority_end = url[scheme_end..]
        .find(['/', '?'])
        .map_or(url.len(), |i| scheme_end + i);
    let authority = &url[scheme_end..authority_end];
    match authority.rfind('@') {
        Some(at) => match authority[..at].find(':') {
            Some(colon) => format!(
                "{}{}:***{}",
                &url[..scheme_end],
                &authority[..colon],
                &url[scheme_end + at..]
            ),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://u:pw@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact_url("postgres://h/db"), "postgres://h/db");
    }

    #[test]
    fn demo_mode_only_when_asked_or_nothing_is_configured() {
        let config = |args: &[&str]| {
            let mut argv = vec!["clinic"];
            argv.extend_from_slice(args);
            Cli::from_args(argv).unwrap().config
        };
        // The README's first command: nothing configured (tests never set these variables).
        assert!(config(&[]).demo_mode());
        assert!(!config(&["--database-url", "postgres://h/db"]).demo_mode());
        assert!(!config(&["--jwt-secret", &"s".repeat(32)]).demo_mode());
        assert!(
            !config(&[
                "--admin-username",
                "ana",
                "--admin-password",
                "a-long-password"
            ])
            .demo_mode()
        );
        assert!(config(&["--database-url", "postgres://h/db", "--demo"]).demo_mode());
        assert!(!config(&["--demo=false"]).demo_mode());
        // A bare flag before a subcommand is the flag, not its value.
        assert!(
            Cli::from_args(["clinic", "--demo", "serve"])
                .unwrap()
                .config
                .demo_mode()
        );
    }

    #[test]
    fn configurations_that_would_open_the_service_are_refused() {
        let config = |args: &[&str]| {
            let mut argv = vec!["clinic"];
            argv.extend_from_slice(args);
            Cli::from_args(argv).unwrap().config.validate()
        };
        let error = config(&["--cors-origins", "*"]).unwrap_err();
        assert!(error.contains("CORS_ORIGINS"), "{error}");
        assert!(config(&["--cors-origins", "https://app.clinic.example"]).is_ok());
        let error = config(&["--jwt-public-key-file", "/k.pem"]).unwrap_err();
        assert!(error.contains("JWT_ISSUER"), "{error}");
        let error = config(&[
            "--jwt-public-key-file",
            "/k.pem",
            "--jwt-issuer",
            "https://idp",
        ])
        .unwrap_err();
        assert!(error.contains("JWT_AUDIENCE"), "{error}");
    }

    #[test]
    fn the_host_zone_is_read_from_zoneinfo_paths() {
        assert_eq!(
            zone_of_path("/usr/share/zoneinfo/America/Bogota").as_deref(),
            Some("America/Bogota")
        );
        assert_eq!(
            zone_of_path("../usr/share/zoneinfo/Etc/UTC").as_deref(),
            Some("Etc/UTC")
        );
        assert_eq!(
            zone_of_path("/usr/share/zoneinfo/posix/Europe/Madrid").as_deref(),
            Some("Europe/Madrid")
        );
        assert_eq!(zone_of_path("/etc/localtime"), None);
        assert!(!host_time_zone().is_empty());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("8h"), Ok(Duration::from_secs(8 * 3600)));
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert!(parse_duration("8x").is_err());
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("").is_err());
    }
}
