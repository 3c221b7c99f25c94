//! DataLoaders: batch the look-ups a page of results makes (each project's
//! unit and year, each unit's parent and section) into one query per kind.
//! Registered once, by [`register`]; no caching across requests.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::EmptySubscription;
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

impl HasId for crate::targets::entity::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

impl HasId for crate::ex_ante::entity::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

impl HasId for crate::experts::panel::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

/// How long a loader waits to collect a list's keys into one query. The
/// async-graphql default of 1 ms costs a millisecond per nesting level on
/// every request; too short a wait splits a long page into several batches
/// (async-graphql resolves a list 32 rows at a time, yielding in between).
pub const DEFAULT_DELAY: Duration = Duration::from_micros(200);

/// Every loader of the app, for the schema.
pub fn register(
    builder: async_graphql::SchemaBuilder<crate::schema::Query, crate::schema::Mutation, EmptySubscription>,
    db: &DatabaseConnection,
    delay: Duration,
) -> async_graphql::SchemaBuilder<crate::schema::Query, crate::schema::Mutation, EmptySubscription> {
    builder
        .data(ById::<crate::organisations::entity::Entity>::data_loader(db.clone(), delay))
        .data(ById::<crate::years::entity::Entity>::data_loader(db.clone(), delay))
        .data(ById::<crate::projects::entity::Entity>::data_loader(db.clone(), delay))
        .data(ById::<crate::users::entity::Entity>::data_loader(db.clone(), delay))
        .data(ById::<crate::targets::entity::Entity>::data_loader(db.clone(), delay))
        .data(ById::<crate::ex_ante::entity::Entity>::data_loader(db.clone(), delay))
        .data(ById::<crate::experts::panel::Entity>::data_loader(db.clone(), delay))
        .data(crate::experts::loader::ExpertLoaders::new(db.clone(), delay))
        .data(crate::monitoring::reports::loader::ReportLoaders::new(db.clone(), delay))
}

/// Loads rows of `E` by primary key.
pub struct ById<E> {
    db: DatabaseConnection,
    entity: PhantomData<fn() -> E>,
}

impl<E> ById<E> {
    /// A loader that waits `delay` to collect keys (see [`DEFAULT_DELAY`]).
    pub fn data_loader(db: DatabaseConnection, delay: Duration) -> DataLoader<Self> {
        DataLoader::new(ById { db, entity: PhantomData }, tokio::spawn).delay(delay)
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

/// Loads several rows through the request's loader for `E` (one batch).
pub async fn load_many<E>(ctx: &async_graphql::Context<'_>, ids: &[i64]) -> Result<Vec<E::Model>, AppError>
where
    E: EntityTrait,
    E::Model: HasId + Clone + Send + Sync + 'static,
{
    let mut found = ctx
        .data_unchecked::<DataLoader<ById<E>>>()
        .load_many(ids.iter().copied())
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("loading {ids:?}: {e}")))?;
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}
