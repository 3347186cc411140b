//! The real `pathway-server` binary as a separate process, for the tests
//! that kill it, run two of it, or back up under it: seeding a database,
//! starting a server on a free port, and a free port.

use std::path::Path;
use std::process::{Child, Command, Stdio};

/// `pathway-server seed-demo` on `db_url`, which must succeed.
pub fn seed_demo(db_url: &str) {
    let seeded = Command::new(env!("CARGO_BIN_EXE_pathway-server"))
        .arg("seed-demo")
        .env("DATABASE_URL", db_url)
        .env("RUST_LOG", "warn")
        .status()
        .expect("run pathway-server seed-demo");
    assert!(seeded.success(), "seed-demo failed");
}

/// `pathway-server serve` on `db_url`, listening on `addr`, quiet but for errors.
pub fn serve(db_url: &str, addr: &str, dist: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pathway-server"))
        .arg("serve")
        .env("DATABASE_URL", db_url)
        .env("PATHWAY_ADDR", addr)
        .env("PATHWAY_DIST", dist)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start pathway-server")
}

/// A loopback port nothing listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}
