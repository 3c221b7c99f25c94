//! Structured logs via `tracing`; `RUST_LOG` sets the filter.

use std::sync::{Arc, Mutex};

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

/// Counts the SQL statements an app runs, when its settings ask for it (the
/// tests measure statements per request with it), and keeps their text.
/// Clones share the record.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<Mutex<Vec<String>>>);

impl StatementCounter {
    /// Statements run so far.
    pub fn total(&self) -> usize {
        self.0.lock().map_or(0, |log| log.len())
    }

    /// The statements run since the `total` was `from`.
    pub fn since(&self, from: usize) -> Vec<String> {
        self.0.lock().map(|log| log.get(from..).unwrap_or_default().to_vec()).unwrap_or_default()
    }

    /// Installs the counter on a connection (before it is cloned: clones
    /// made earlier would not count).
    pub fn install(&self, db: &mut sea_orm::DatabaseConnection) {
        let log = self.0.clone();
        db.set_metric_callback(move |info| {
            if let Ok(mut log) = log.lock() {
                log.push(info.statement.sql.clone());
            }
        });
    }
}
