use anyhow::Context;
use backend::{config::Settings, startup, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    if std::env::args().nth(1).as_deref() == Some("--print-schema") {
        print!("{}", backend::schema::sdl());
        return Ok(());
    }
    let settings = Settings::from_env()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args == ["audit", "verify"] {
        return verify_audit(&settings).await;
    }
    let app = startup::build(&settings).await?;
    let listener =
        tokio::net::TcpListener::bind(settings.bind).await.with_context(|| format!("binding {}", settings.bind))?;
    tracing::info!("Jixiao listening on http://{}", settings.bind);
    let service = app.router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

/// `jixiao audit verify`: walks the audit log's hash chain and names the
/// first broken link; exits non-zero if there is one.
async fn verify_audit(settings: &Settings) -> anyhow::Result<()> {
    let db = startup::connect(&settings.database_url, None, settings.statement_timeout).await?;
    let (checked, broken) =
        backend::audit::chain::verify(&db).await.map_err(|e| anyhow::anyhow!("reading the audit log: {e:?}"))?;
    match broken {
        None => {
            println!("审计日志完整：{checked} 条记录的哈希链全部吻合");
            Ok(())
        }
        Some(b) => {
            println!("审计日志在第 {} 号记录处断链：{}（已核对 {checked} 条）", b.id, b.reason);
            std::process::exit(1);
        }
    }
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down");
}
