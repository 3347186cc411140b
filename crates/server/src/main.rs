//! `pathway-server`: one binary, configured by flags and the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pathway_server::db::Db;
use pathway_server::demo::{self, SeedOutcome};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "pathway-server", version, about = "Pathway's API and app server")]
struct Cli {
    /// Where the data lives: sqlite:PATH or postgres://…
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://var/pathway.db?mode=rwc", global = true)]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run migrations, then serve the API and the built app.
    Serve {
        #[arg(long, env = "PATHWAY_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// The built app (Trunk's output).
        #[arg(long, env = "PATHWAY_DIST", default_value = "dist")]
        dist: PathBuf,
        /// Seed the sample councils and people if the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Bring the database schema up to date.
    Migrate,
    /// Seed the sample councils and people if the database is empty.
    SeedDemo,
    /// Replace a council's offer with an ORUK list (or page) of services.
    ImportOffer {
        /// The council's id, e.g. `liverpool`.
        #[arg(long)]
        council: String,
        /// A JSON file: an array of ORUK services, or a page with `contents`.
        file: PathBuf,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let db = Db::connect(&cli.database_url).await?;
    db.migrate().await?;
    match cli.command {
        Command::Migrate => tracing::info!("database is up to date"),
        Command::SeedDemo => seed(&db).await?,
        Command::ImportOffer { council, file } => import_offer(&db, &council, &file).await?,
        Command::Serve { addr, dist, demo } => {
            if demo {
                seed(&db).await?;
            }
            let listener = tokio::net::TcpListener::bind(addr).await?;
            tracing::info!("Pathway is at http://{}", listener.local_addr()?);
            pathway_server::serve(listener, pathway_server::state(db, &dist)).await?;
        }
    }
    Ok(())
}

/// All or nothing, like the API: any problem, and every problem is listed.
async fn import_offer(db: &Db, council: &str, file: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    if pathway_server::db::councils::get(db, council).await?.is_none() {
        return Err(format!("no council with id {council:?}").into());
    }
    let upload: serde_json::Value = serde_json::from_slice(&std::fs::read(file)?)?;
    match pathway_model::offer::oruk::import(&upload, council) {
        Ok(items) => {
            pathway_server::db::offer::replace(db, council, &items).await?;
            tracing::info!(council, items = items.len(), "offer imported");
            Ok(())
        }
        Err(issues) => {
            for issue in &issues {
                eprintln!("{issue}");
            }
            Err(format!("{} problems; nothing was imported", issues.len()).into())
        }
    }
}

async fn seed(db: &Db) -> Result<(), demo::SeedError> {
    let today = chrono::Utc::now().date_naive();
    match demo::seed_if_empty(db, today).await? {
        SeedOutcome::Seeded { people } => {
            demo::seed_sample_records(db, today).await?;
            tracing::info!(people, "seeded sample data");
        }
        SeedOutcome::AlreadyHasData => tracing::info!("database already has data: not seeding"),
    }
    Ok(())
}
