//! Build tasks that need no downloaded binaries.
//!
//! `cargo xtask build-web [--release]` compiles the `frontend` crate for
//! `wasm32-unknown-unknown`, runs wasm-bindgen as a library and writes `dist/`:
//!
//! ```text
//! dist/index.html          loads /boot.js (no inline script: the CSP allows own scripts only)
//! dist/boot.js             imports /pkg/frontend.js as an ES module and calls init
//! dist/style.css
//! dist/pkg/frontend.js
//! dist/pkg/frontend_bg.wasm
//! ```
//!
//! The backend serves `dist/` at `/` (SPA fallback to `index.html`).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

use anyhow::{Context, Result, bail};
use flate2::Compression;
use flate2::write::GzEncoder;
use wasm_bindgen_cli_support::Bindgen;

mod checks;

const USAGE: &str = "usage:
  cargo xtask run                 build the frontend (release) and run the product with the demo county
  cargo xtask test [--require-postgres]
                                  every check: fmt, clippy, the bundle, all tests on SQLite and PostgreSQL
  cargo xtask build-web [--release]";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Cargo profile of the release bundle (defined in the root Cargo.toml).
const RELEASE_PROFILE: &str = "wasm-release";

fn main() -> Result<()> {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["run"] => run_product(),
        ["test"] => checks::run_all(env::var_os("CI").is_some()),
        ["test", "--require-postgres"] => checks::run_all(true),
        ["build-web"] => build_web(false),
        ["build-web", "--release"] => build_web(true),
        ["help" | "--help" | "-h"] | [] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => bail!("unknown arguments {args:?}\n{USAGE}"),
    }
}

/// Builds the bundle, then runs the backend in the foreground.
fn run_product() -> Result<()> {
    checks::ensure_wasm_target()?;
    build_web(true)?;
    let status = cargo()
        .current_dir(workspace_root())
        .args(["run", "--release", "-p", "backend", "--bin", "jixiao"])
        .status()
        .context("starting the backend")?;
    if !status.success() {
        bail!("the backend exited with {status}");
    }
    Ok(())
}

/// The cargo that runs this task.
fn cargo() -> Command {
    Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

fn target_dir(root: &Path) -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() { dir } else { root.join(dir) }
        }
        None => root.join("target"),
    }
}

fn build_web(release: bool) -> Result<()> {
    let root = workspace_root();
    let frontend = root.join("frontend");
    let dist = root.join("dist");

    // 1. Compile the frontend to wasm.
    let mut build = cargo();
    build.current_dir(&root).args(["build", "--target", WASM_TARGET, "-p", "frontend"]);
    if release {
        build.args(["--profile", RELEASE_PROFILE]);
    }
    let status = build.status().context("running cargo build for the frontend")?;
    if !status.success() {
        bail!("cargo build of the frontend failed ({status})");
    }
    let profile_dir = if release { RELEASE_PROFILE } else { "debug" };
    let wasm = target_dir(&root).join(WASM_TARGET).join(profile_dir).join("frontend.wasm");
    if !wasm.exists() {
        bail!("expected {} after the build", wasm.display());
    }

    // 2. Generate the JS glue and the final wasm.
    let pkg = dist.join("pkg");
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("clearing {}", dist.display()))?;
    }
    fs::create_dir_all(&pkg)?;
    Bindgen::new()
        .input_path(&wasm)
        .out_name("frontend")
        .web(true)?
        .omit_default_module_path(false)
        .typescript(false)
        .debug(!release)
        .remove_name_section(release)
        .remove_producers_section(release)
        .generate(&pkg)
        .context("running wasm-bindgen")?;

    // 3. Static files. The module URLs carry a content hash so that browsers
    //    never pair a cached frontend.js with a new wasm.
    let wasm_out = pkg.join("frontend_bg.wasm");
    let wasm_bytes = fs::read(&wasm_out)?;
    let version = format!("{:016x}", fnv1a(&wasm_bytes) ^ fnv1a(&fs::read(pkg.join("frontend.js"))?));
    let index = fs::read_to_string(frontend.join("index.html"))?.replace("{{VERSION}}", &version);
    fs::write(dist.join("index.html"), index)?;
    fs::copy(frontend.join("style.css"), dist.join("style.css"))?;
    fs::copy(frontend.join("boot.js"), dist.join("boot.js"))?;

    // 4. Report the sizes.
    let gz = gzip_len(&wasm_bytes)?;
    println!(
        "dist/ written to {} ({} build)\n  pkg/frontend_bg.wasm: {} raw, {} gzip",
        dist.display(),
        if release { "release" } else { "debug" },
        human(wasm_bytes.len()),
        human(gz)
    );
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn human(bytes: usize) -> String {
    format!("{bytes} B ({} KiB)", bytes.div_ceil(1024))
}
