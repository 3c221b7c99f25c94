//! DataLoaders: batch the look-ups a page of results makes (each project's
//! unit and year, each unit's parent and section) into one query per kind.
//! Registered once in `schema.rs`; no caching across requests.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, Iterable, PrimaryKeyToColumn, QueryFilter};

use crate::error::AppError;

/// A row with an `i64` primary key.
pub trait HasId {
    fn id(&self) -> i64;
}

impl HasId for crate::organisations::entity::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

impl HasId for crate::years::entity::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

impl HasId for crate::projects::entity::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

impl HasId for crate::users::entity::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

/// Loads rows of `E` by primary key.
pub struct ById<E> {
    db: DatabaseConnection,
    entity: PhantomData<fn() -> E>,
}

impl<E> ById<E> {
    /// The loader waits 200 µs to collect a list's keys into one query (the
    /// default 1 ms costs a millisecond per nesting level on every request).
    pub fn data_loader(db: DatabaseConnection) -> DataLoader<Self> {
        DataLoader::new(ById { db, entity: PhantomData }, tokio::spawn).delay(std::time::Duration::from_micros(200))
    }
}

impl<E> Loader<i64> for ById<E>
where
    E: EntityTrait,
    E::Model: HasId + Clone + Send + Sync + 'static,
{
    type Value = E::Model;
    type Error = Arc<sea_orm::DbErr>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let Some(pk) = E::PrimaryKey::iter().next() else {
            return Ok(HashMap::new());
        };
        let rows =
            E::find().filter(pk.into_column().is_in(keys.iter().copied())).all(&self.db).await.map_err(Arc::new)?;
        Ok(rows.into_iter().map(|row| (row.id(), row)).collect())
    }
}

/// Loads one row through the request's loader for `E`.
pub async fn load<E>(ctx: &async_graphql::Context<'_>, id: i64) -> Result<Option<E::Model>, AppError>
where
    E: EntityTrait,
    E::Model: HasId + Clone + Send + Sync + 'static,
{
    ctx.data_unchecked::<DataLoader<ById<E>>>()
        .load_one(id)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("loading {id}: {e}")))
}
