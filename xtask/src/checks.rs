//! `cargo xtask test`: every check the project has, in the order a failure is
//! cheapest to find. Installs what the browser test needs when it can, and
//! says loudly what it could not run.

use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::{build_web, cargo, workspace_root};

pub fn run_all(require_postgres: bool) -> Result<()> {
    let root = workspace_root();
    ensure_wasm_target()?;
    ensure_browser()?;

    step("cargo fmt --check");
    run(cargo().current_dir(&root).args(["fmt", "--all", "--", "--check"]))?;

    step("clippy (native crates)");
    run(cargo().current_dir(&root).args(["clippy", "--all-targets", "--", "-D", "warnings"]))?;
    step("clippy (frontend, wasm32)");
    run(cargo().current_dir(&root).args([
        "clippy",
        "-p",
        "frontend",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("frontend bundle (release)");
    build_web(true)?;

    step("tests on SQLite: shared, backend, API, browser");
    run(cargo().current_dir(&root).arg("test"))?;

    let pg = std::env::var("JIXIAO_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    if postgres_answers(&pg) {
        step("tests on PostgreSQL: API and browser");
        // Exactly the command of the SQLite run, so nothing is rebuilt; the
        // suites read JIXIAO_TEST_DB to choose their database.
        let tag = format!("r{}", std::process::id());
        let result =
            run(cargo().current_dir(&root).arg("test").env("JIXIAO_TEST_DB", "postgres").env("JIXIAO_TEST_RUN", &tag));
        drop_test_databases(&pg, &tag);
        result?;
    } else if require_postgres {
        bail!("PostgreSQL does not answer at {pg}: the PostgreSQL suite is required here");
    } else {
        eprintln!("\n{}", "!".repeat(72));
        eprintln!("!! SKIPPED: the suites on PostgreSQL — no server answers at {pg}");
        eprintln!("!! Start one (or set JIXIAO_TEST_PG) to run it.");
        eprintln!("{}\n", "!".repeat(72));
    }
    step("all checks passed");
    Ok(())
}

/// Prints a step's name with the time since the checks began.
fn step(name: &str) {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let elapsed = START.get_or_init(std::time::Instant::now).elapsed().as_secs();
    println!("\n==> [{:>2}:{:02}] {name}", elapsed / 60, elapsed % 60);
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("starting {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed ({status})");
    }
    Ok(())
}

pub fn ensure_wasm_target() -> Result<()> {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match installed {
        Ok(out) if String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown") => Ok(()),
        Ok(_) => run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])),
        Err(_) => Ok(()), // no rustup: the wasm build will say what is missing
    }
}

/// Debian's chromium and chromedriver, for the browser test.
fn ensure_browser() -> Result<()> {
    let has = |bin: &str| {
        Command::new("sh").args(["-c", &format!("command -v {bin}")]).output().is_ok_and(|o| o.status.success())
    };
    if has("chromedriver") && has("chromium") {
        return Ok(());
    }
    step("installing Debian's chromium and chromium-driver for the browser test");
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root || !has("apt-get") {
        bail!(
            "the browser test needs chromium and chromedriver: install Debian's `chromium chromium-driver` (as root)"
        );
    }
    run(Command::new("apt-get").arg("update").env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver", "fonts-noto-cjk"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn postgres_answers(url: &str) -> bool {
    let host_port = url.split('@').next_back().and_then(|rest| rest.split('/').next()).unwrap_or("127.0.0.1:5432");
    let addrs: Vec<SocketAddr> = host_port.to_socket_addrs().map(Iterator::collect).unwrap_or_default();
    addrs.iter().any(|a| TcpStream::connect_timeout(a, Duration::from_secs(2)).is_ok())
}

/// Each API test makes its own database; remove this run's after it (best effort).
fn drop_test_databases(url: &str, tag: &str) {
    let list = format!("SELECT datname FROM pg_database WHERE datname LIKE 'jixiao_test_{tag}_%'");
    let Ok(out) = Command::new("psql").args([url, "-Atc", &list]).output() else { return };
    for name in String::from_utf8_lossy(&out.stdout).lines().filter(|n| !n.is_empty()) {
        let _ = Command::new("psql").args([url, "-qc", &format!("DROP DATABASE IF EXISTS {name}")]).output();
    }
}
