//! DataLoaders for what a page of reports shows: each report's indicator
//! reports and each project's decision in the round, one query per page.
//! Registered with the others by [`crate::loader::register`].

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, Loader};
use sea_orm::DatabaseConnection;

use super::indicator;
use super::service;
use crate::error::AppError;
use crate::monitoring::decisions::{entity as decision, service as decisions};

/// A report's indicator reports, by project-report id (empty when none).
pub struct IndicatorsOfReport(DatabaseConnection);

impl Loader<i64> for IndicatorsOfReport {
    type Value = Vec<indicator::Model>;
    type Error = Arc<AppError>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let rows = service::indicators_of(&self.0, keys.iter().copied()).await.map_err(Arc::new)?;
        let mut out: HashMap<i64, Self::Value> = HashMap::new();
        for row in rows {
            out.entry(row.project_report_id).or_default().push(row);
        }
        Ok(out)
    }
}

/// A project's decision in a round, by (round id, project id).
pub struct DecisionOfProject(DatabaseConnection);

impl Loader<(i64, i64)> for DecisionOfProject {
    type Value = decision::Model;
    type Error = Arc<AppError>;

    async fn load(&self, keys: &[(i64, i64)]) -> Result<HashMap<(i64, i64), Self::Value>, Self::Error> {
        let mut by_round: HashMap<i64, Vec<i64>> = HashMap::new();
        for (round, project) in keys {
            by_round.entry(*round).or_default().push(*project);
        }
        let mut out = HashMap::new();
        for (round, projects) in by_round {
            for d in decisions::of_projects(&self.0, round, projects).await.map_err(Arc::new)? {
                out.insert((d.round_id, d.project_id), d);
            }
        }
        Ok(out)
    }
}

/// The monitoring loaders of a request.
pub struct ReportLoaders {
    pub indicators: DataLoader<IndicatorsOfReport>,
    pub decisions: DataLoader<DecisionOfProject>,
}

impl ReportLoaders {
    /// Loaders that wait `delay` to batch keys (see [`crate::loader::DEFAULT_DELAY`]).
    pub fn new(db: DatabaseConnection, delay: Duration) -> Self {
        ReportLoaders {
            indicators: DataLoader::new(IndicatorsOfReport(db.clone()), tokio::spawn).delay(delay),
            decisions: DataLoader::new(DecisionOfProject(db), tokio::spawn).delay(delay),
        }
    }
}

pub fn internal(e: Arc<AppError>) -> AppError {
    AppError::Internal(anyhow::anyhow!("loading monitoring rows: {}", e.message()))
}
