//! DataLoaders for what a page of panels, panel items or assessments shows:
//! members, items, opinions and an assessment's panel, one query per kind.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, Loader};
use sea_orm::DatabaseConnection;

use super::batch;
use super::opinion;
use super::panel::{self, item};
use super::service::Profile;
use crate::error::AppError;

/// Groups rows under their key, keeping their order.
fn grouped<V>(rows: impl IntoIterator<Item = (i64, V)>) -> HashMap<i64, Vec<V>> {
    let mut out: HashMap<i64, Vec<V>> = HashMap::new();
    for (key, row) in rows {
        out.entry(key).or_default().push(row);
    }
    out
}

pub struct MembersOfPanel(DatabaseConnection);

impl Loader<i64> for MembersOfPanel {
    type Value = Vec<Profile>;
    type Error = Arc<AppError>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        Ok(grouped(batch::members_of(&self.0, keys).await.map_err(Arc::new)?))
    }
}

pub struct ItemsOfPanel(DatabaseConnection);

impl Loader<i64> for ItemsOfPanel {
    type Value = Vec<item::Model>;
    type Error = Arc<AppError>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let rows = batch::items_of(&self.0, keys).await.map_err(Arc::new)?;
        Ok(grouped(rows.into_iter().map(|i| (i.panel_id, i))))
    }
}

pub struct OpinionsOfItem(DatabaseConnection);

impl Loader<i64> for OpinionsOfItem {
    type Value = Vec<opinion::Model>;
    type Error = Arc<AppError>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let rows = batch::opinions_of(&self.0, keys).await.map_err(Arc::new)?;
        Ok(grouped(rows.into_iter().map(|o| (o.panel_item_id, o))))
    }
}

pub struct PanelOfAssessment(DatabaseConnection);

impl Loader<i64> for PanelOfAssessment {
    type Value = panel::Model;
    type Error = Arc<AppError>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        Ok(batch::panels_of_assessments(&self.0, keys).await.map_err(Arc::new)?.into_iter().collect())
    }
}

/// The experts' loaders of a request.
pub struct ExpertLoaders {
    pub members: DataLoader<MembersOfPanel>,
    pub items: DataLoader<ItemsOfPanel>,
    pub opinions: DataLoader<OpinionsOfItem>,
    pub panel_of_assessment: DataLoader<PanelOfAssessment>,
}

impl ExpertLoaders {
    /// Loaders that wait `delay` to batch keys (see [`crate::loader::DEFAULT_DELAY`]).
    pub fn new(db: DatabaseConnection, delay: Duration) -> Self {
        ExpertLoaders {
            members: DataLoader::new(MembersOfPanel(db.clone()), tokio::spawn).delay(delay),
            items: DataLoader::new(ItemsOfPanel(db.clone()), tokio::spawn).delay(delay),
            opinions: DataLoader::new(OpinionsOfItem(db.clone()), tokio::spawn).delay(delay),
            panel_of_assessment: DataLoader::new(PanelOfAssessment(db), tokio::spawn).delay(delay),
        }
    }
}

/// A loader's failure as an internal error.
pub fn internal(e: Arc<AppError>) -> AppError {
    AppError::Internal(anyhow::anyhow!("loading expert rows: {}", e.message()))
}
