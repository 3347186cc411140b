//! `pathway-server`: one binary, configured by flags and the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pathway_server::auth::client_address::Network;
use pathway_server::auth::cookie::CookiePolicy;
use pathway_server::db::{Db, now_ms};
use pathway_server::demo::{self, SeedOutcome};
use pathway_server::setup;
use pathway_server::state::Config;
use tracing_subscriber::EnvFilter;

mod backup;

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
        /// Where people reach Pathway, e.g. https://pathway.wirral.gov.uk. https gives the
        /// `__Host-` Secure session cookie; http is accepted for localhost only. Unset: http on
        /// a loopback PATHWAY_ADDR (a developer's machine), https otherwise.
        #[arg(long, env = "PATHWAY_PUBLIC_URL")]
        public_url: Option<String>,
        /// The proxies in front (addresses or networks, comma-separated, e.g. `127.0.0.1,10.0.0.0/8`):
        /// only from these is `X-Forwarded-For` read, to count sign-in tries per client address.
        #[arg(long, env = "PATHWAY_TRUSTED_PROXIES", default_value = "")]
        trusted_proxies: String,
        /// At most this many passphrase hashes (argon2, 19 MiB each) at once; beyond it, sign-ins
        /// that wait over a second are answered 429 with Retry-After. Default: the cores, 2 to 8.
        #[arg(long, env = "PATHWAY_HASHING_CEILING")]
        hashing_ceiling: Option<usize>,
    },
    /// Bring the database schema up to date.
    Migrate,
    /// Seed the sample councils and people if the database is empty.
    SeedDemo,
    /// Copy a SQLite database to a new file while the server runs (sessions left out).
    /// On PostgreSQL use pg_dump: README, "Backups".
    Backup {
        /// The new file to write (an existing one is never overwritten).
        #[arg(long)]
        to: PathBuf,
    },
    /// Add a council, to begin a deployment (then add its first manager).
    AddCouncil {
        /// Lower-case letters, digits and dashes: part of web addresses, e.g. `wirral`.
        #[arg(long)]
        id: String,
        /// As people know it, e.g. "Wirral Council".
        #[arg(long)]
        name: String,
        /// The leaving care team's phone number.
        #[arg(long)]
        team_phone: Option<String>,
        #[arg(long)]
        team_email: Option<String>,
        /// The out-of-hours duty team's phone number.
        #[arg(long)]
        duty_phone: Option<String>,
        /// When the duty team answers, e.g. "Evenings, weekends and bank holidays".
        #[arg(long)]
        duty_hours: Option<String>,
    },
    /// Add a manager to a council; prints their username and one-time set-up code.
    AddManager {
        /// The council's id, e.g. `wirral`.
        #[arg(long)]
        council: String,
        #[arg(long)]
        first_name: String,
        #[arg(long)]
        last_name: String,
        /// Where Pathway is served, e.g. https://pathway.wirral.gov.uk, to print the full sign-in address.
        #[arg(long, env = "PATHWAY_SITE")]
        site: Option<String>,
    },
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
    // A backup copies the database as it is: it must not change the schema
    // under a running server of another version.
    if !matches!(cli.command, Command::Backup { .. }) {
        db.migrate().await?;
    }
    match cli.command {
        Command::Migrate => tracing::info!("database is up to date"),
        Command::SeedDemo => seed(&db).await?,
        Command::Backup { to } => {
            let copied = backup::sqlite(&db, &to).await?;
            println!("Backed up {} tables ({} bytes) to {}", copied.tables, copied.bytes, to.display());
        }
        Command::ImportOffer { council, file } => import_offer(&db, &council, &file).await?,
        Command::AddCouncil { id, name, team_phone, team_email, duty_phone, duty_hours } => {
            let council = pathway_server::db::councils::CouncilRow {
                id,
                name,
                team_phone,
                team_email,
                sample_data: 0,
                duty_phone,
                duty_hours,
            };
            setup::add_council(&db, &council).await?;
            println!("Added the council {:?} ({}).", council.name.trim(), council.id);
            println!("Next: pathway-server add-manager --council {} --first-name … --last-name …", council.id);
        }
        Command::AddManager { council, first_name, last_name, site } => {
            let added = setup::add_manager(&db, &council, &first_name, &last_name, now_ms()).await?;
            let until = chrono::DateTime::from_timestamp_millis(added.expires_at)
                .map(|t| t.format("%-d %B %Y, %H:%M UTC").to_string())
                .unwrap_or_default();
            let path = format!("/login?code={}", added.code);
            println!("Added {} {} as a manager of {council}.", first_name.trim(), last_name.trim());
            println!("Username:      {}", added.username);
            println!("Set-up code:   {}  (works once, until {until})", added.code);
            match site {
                Some(site) => println!("Sign in at:    {}{path}", site.trim_end_matches('/')),
                None => println!("Sign in at:    <your Pathway address>{path}"),
            }
            println!("They choose a passphrase, then set up an authenticator app.");
        }
        Command::Serve { addr, dist, demo, public_url, trusted_proxies, hashing_ceiling } => {
            let mut config = config(addr, public_url.as_deref(), &trusted_proxies)?;
            if let Some(n) = hashing_ceiling {
                config.hashing_ceiling = n.max(1);
            }
            if demo {
                seed(&db).await?;
            } else if setup::has_no_council(&db).await? {
                tracing::warn!("{}", setup::HOW_TO_BEGIN);
            }
            let listener = tokio::net::TcpListener::bind(addr).await?;
            tracing::info!("Pathway is at http://{}", listener.local_addr()?);
            pathway_server::serve(listener, pathway_server::state_with(db, &dist, config)).await?;
        }
    }
    Ok(())
}

/// The server's settings from its flags and environment.
fn config(addr: SocketAddr, public_url: Option<&str>, trusted: &str) -> Result<Config, Box<dyn std::error::Error>> {
    let cookies = match public_url {
        Some(url) => CookiePolicy::from_public_url(url)?,
        None if addr.ip().is_loopback() => {
            // Bound to loopback with no public address: a developer's
            // machine. A deployment behind a proxy on the same machine must
            // say PATHWAY_PUBLIC_URL=https://…, hence the warning.
            tracing::warn!("PATHWAY_PUBLIC_URL is not set: session cookies without Secure, for http://{addr} only");
            CookiePolicy::LOCAL
        }
        None => CookiePolicy::SECURE,
    };
    let trusted_proxies = Network::parse_list(trusted).map_err(|e| format!("PATHWAY_TRUSTED_PROXIES: {e}"))?;
    let public_url = public_url.map(|u| u.trim().trim_end_matches('/').to_string());
    Ok(Config { cookies, public_url, trusted_proxies, ..Config::local() })
}

/// All or nothing, like the API: any problem, and every problem is listed.
async fn import_offer(db: &Db, council: &str, file: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    if pathway_server::db::councils::get(db, council).await?.is_none() {
        return Err(format!("no council with id {council:?}").into());
    }
    let upload: serde_json::Value = serde_json::from_slice(&std::fs::read(file)?)?;
    match pathway_model::offer::oruk::import(&upload, council) {
        Ok(items) => {
            pathway_server::db::offer::replace(db, council, &items, "Command line import").await?;
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
