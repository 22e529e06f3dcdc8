//! `clinic`: serve (default) | migrate | seed | check | schema | set-password | token.

use std::process::ExitCode;

use clinic::{
    config::{Cli, Command, LogFormat},
    graphql, server,
};
use tracing_subscriber::EnvFilter;

// Every GraphQL answer is built from many small allocations (values, names, futures); glibc's
// allocator took a sixth of the service's CPU time under the benchmark's load (perf, #5).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::from_env();
    let logs = tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr);
    match cli.config.log_format {
        LogFormat::Text => logs.init(),
        // The request's span (with its request_id) on every line.
        LogFormat::Json => logs.json().with_current_span(true).init(),
    }
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One clear line, no backtrace: the operator needs the cause and the fix.
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::Token { role, sub } => {
            anyhow::ensure!(
                config.jwt_secret.is_some(),
                "JWT_SECRET must be set to mint tokens"
            );
            let (state, _) = server::build_state(config)?;
            let (token, _) = state.jwt.issue(&sub, role)?;
            println!("{token}");
            Ok(())
        }
        Command::SetPassword { username } => {
            let mut password = String::new();
            std::io::stdin().read_line(&mut password)?;
            let password = password.trim_end_matches(['\r', '\n']);
            anyhow::ensure!(
                password.chars().count() >= clinic::users::MIN_PASSWORD_LENGTH,
                "the password must have at least {} characters",
                clinic::users::MIN_PASSWORD_LENGTH
            );
            let hash = clinic::auth::hash_password(password).map_err(anyhow::Error::msg)?;
            let (state, _) = server::build_state(config)?;
            let mut conn = state.pool.get().await?;
            clinic::users::model::set_password(&mut conn, &username, &hash, None)
                .await?
                .ok_or_else(|| anyhow::anyhow!("there is no account `{username}`"))?;
            println!("password set for {username}");
            Ok(())
        }
        Command::Migrate => {
            server::prepare_database(&config).await?.release().await;
            Ok(())
        }
        Command::Check { repair } => {
            let (state, _) = server::build_state(config)?;
            let mut conn = state.pool.get().await?;
            let drift = clinic::orders::model::billing_drift(&mut conn).await?;
            for d in &drift {
                println!(
                    "{} social work {}: rollup {} orders ({} billable), billable {}, copay {}; \
                     recount {} orders ({} billable), billable {}, copay {}",
                    d.day,
                    d.social_work_id,
                    d.stored_orders,
                    d.stored_billable_orders,
                    d.stored_billable_amount,
                    d.stored_copay_amount,
                    d.counted_orders,
                    d.counted_billable_orders,
                    d.counted_billable_amount,
                    d.counted_copay_amount
                );
            }
            if drift.is_empty() {
                println!("billing rollup agrees with a recount of the orders");
                return Ok(());
            }
            anyhow::ensure!(
                repair,
                "the billing rollup differs from a recount on {} day(s); `clinic check --repair` replaces it with the recount",
                drift.len()
            );
            clinic::orders::model::recount_billing(&mut conn).await?;
            println!("billing rollup replaced with the recount");
            Ok(())
        }
        Command::Seed => {
            let (state, _) = server::build_state(config)?;
            let lock = server::prepare_database(&state.config).await?;
            let mut conn = state.pool.get().await?;
            clinic::demo::load(&mut conn).await?;
            lock.release().await;
            println!("demo data loaded");
            Ok(())
        }
        Command::Serve => {
            let (state, generated) = server::build_state(config)?;
            server::check_read_replica(&state.config).await?;
            let lock = server::prepare_database(&state.config).await?;
            server::initialise(&state).await?;
            lock.release().await;
            server::serve(state, generated).await
        }
    }
}
