//! The audit log as a hash chain: each entry carries the SHA-256 of the
//! previous entry's hash and its own content, so an edited, deleted or
//! inserted row breaks the chain from that row on. [`verify`] names the first
//! broken link (`jixiao audit verify`). The product has no path that updates
//! or deletes an entry.
//!
//! Appending happens under the writers' lock ([`crate::tx`]): entries are
//! chained in commit order; a unique index on `prev_hash` refuses a fork
//! whatever happens.

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use sha2::{Digest, Sha256};

use super::entity;
use crate::error::AppResult;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "genesis";

/// The content an entry's hash covers, in a fixed order.
pub struct Content<'a> {
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_name: &'a str,
    pub operation: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<&'a str>,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

impl<'a> From<&'a entity::Model> for Content<'a> {
    fn from(m: &'a entity::Model) -> Self {
        Content {
            at: m.at,
            actor_id: m.actor_id,
            actor_name: &m.actor_name,
            operation: &m.operation,
            object_type: &m.object_type,
            object_id: m.object_id.as_deref(),
            before: m.before.as_deref(),
            after: m.after.as_deref(),
        }
    }
}

/// A timestamp as both databases keep it (microseconds).
pub fn stored_time(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(6)
}

/// SHA-256 (hex) of the previous hash and the entry's content, each field
/// length-prefixed so that no two contents serialize alike.
pub fn digest(prev: &str, c: &Content<'_>) -> String {
    let mut h = Sha256::new();
    let mut field = |s: &str| {
        h.update((s.len() as u64).to_be_bytes());
        h.update(s.as_bytes());
    };
    field(prev);
    field(&stored_time(c.at).format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string());
    field(&c.actor_id.map(|i| i.to_string()).unwrap_or_default());
    field(c.actor_name);
    field(c.operation);
    field(c.object_type);
    for opt in [c.object_id, c.before, c.after] {
        match opt {
            Some(s) => field(&format!("+{s}")),
            None => field("-"),
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Takes the append lock (PostgreSQL) and returns the hash the next entry
/// chains to.
pub async fn head(db: &impl ConnectionTrait) -> AppResult<String> {
    crate::tx::write_lock(db).await?;
    let last: Option<Option<String>> = entity::Entity::find()
        .select_only()
        .column(entity::Column::Hash)
        .order_by_desc(entity::Column::Id)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(last.flatten().unwrap_or_else(|| GENESIS.to_owned()))
}

/// The first entry whose link is broken, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub id: i64,
    pub reason: &'static str,
}

/// Walks the whole log in id order, a page at a time; `Ok(None)` if every
/// link holds. Returns the number of entries checked with it.
pub async fn verify(db: &impl ConnectionTrait) -> AppResult<(u64, Option<Broken>)> {
    let mut prev = GENESIS.to_owned();
    let mut after_id = 0i64;
    let mut checked = 0u64;
    loop {
        let page = entity::Entity::find()
            .filter(entity::Column::Id.gt(after_id))
            .order_by_asc(entity::Column::Id)
            .limit(1000)
            .all(db)
            .await?;
        let Some(last) = page.last() else { return Ok((checked, None)) };
        after_id = last.id;
        for row in &page {
            checked += 1;
            if row.prev_hash.as_deref() != Some(prev.as_str()) {
                return Ok((
                    checked,
                    Some(Broken {
                        id: row.id, reason: "与前一条记录的链接不符（记录被删除、插入或改动）"
                    }),
                ));
            }
            let expected = digest(&prev, &Content::from(row));
            if row.hash.as_deref() != Some(expected.as_str()) {
                return Ok((checked, Some(Broken { id: row.id, reason: "记录内容与其哈希不符（记录被改动）" })));
            }
            prev = expected;
        }
    }
}

/// Chains the entries written before the log was a chain (a database from an
/// earlier version): only a leading run of unchained rows, in id order, and
/// only when no chained row exists yet. Runs at start-up.
pub async fn seal_legacy<C: ConnectionTrait + sea_orm::TransactionTrait>(db: &C) -> AppResult<u64> {
    let any_chained = entity::Entity::find().filter(entity::Column::Hash.is_not_null()).one(db).await?;
    if any_chained.is_some() {
        return Ok(0);
    }
    let txn = crate::tx::begin(db).await?;
    let rows = entity::Entity::find().order_by_asc(entity::Column::Id).all(&txn).await?;
    let mut prev = GENESIS.to_owned();
    for row in &rows {
        let hash = digest(&prev, &Content::from(row));
        entity::Entity::update_many()
            .col_expr(entity::Column::PrevHash, Expr::value(prev.clone()))
            .col_expr(entity::Column::Hash, Expr::value(hash.clone()))
            .filter(entity::Column::Id.eq(row.id))
            .exec(&txn)
            .await?;
        prev = hash;
    }
    sea_orm::TransactionSession::commit(txn).await?;
    Ok(rows.len() as u64)
}
