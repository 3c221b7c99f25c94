//! Write transactions. On SQLite a deferred transaction that reads before it
//! writes fails at once with SQLITE_BUSY when another connection committed in
//! between (the busy timeout does not apply to that upgrade), so every write
//! transaction starts IMMEDIATE and waits its turn instead. PostgreSQL
//! ignores the mode.

use sea_orm::{DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait};

pub async fn begin<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}
