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
    let app = startup::build(&settings).await?;
    let listener =
        tokio::net::TcpListener::bind(settings.bind).await.with_context(|| format!("binding {}", settings.bind))?;
    tracing::info!("Jixiao listening on http://{}", settings.bind);
    let service = app.router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down");
}
