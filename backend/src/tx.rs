//! Write transactions. On SQLite a deferred transaction that reads before it
//! writes fails at once with SQLITE_BUSY when another connection committed in
//! between (the busy timeout does not apply to that upgrade), so every write
//! transaction starts IMMEDIATE and waits its turn instead. On PostgreSQL
//! every write transaction first takes one advisory lock, so writers take
//! their turn as on SQLite: the audit log's hash chain
//! ([`crate::audit::chain`]) is appended in commit order, and no transaction
//! can hold a row another waits for while waiting for the chain.

use sea_orm::{
    ConnectionTrait, DbBackend, DbErr, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};

/// Key of the PostgreSQL advisory lock every write transaction holds.
pub const WRITE_LOCK_KEY: i64 = 0x6a69_7869_616f; // "jixiao"

pub async fn begin<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?;
    write_lock(&txn).await?;
    Ok(txn)
}

/// Takes the writers' lock for the rest of the transaction (PostgreSQL;
/// re-entrant). SQLite's IMMEDIATE transaction already holds its lock.
pub async fn write_lock(txn: &impl ConnectionTrait) -> Result<(), DbErr> {
    if txn.get_database_backend() == DbBackend::Postgres {
        let lock = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [WRITE_LOCK_KEY.into()],
        );
        txn.execute_raw(lock).await?;
    }
    Ok(())
}
