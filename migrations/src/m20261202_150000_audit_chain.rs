//! The audit log becomes a hash chain: each entry keeps the previous entry's
//! hash and its own. Entries written before are chained once at start-up by
//! the backend (it owns the hash function); a unique `prev_hash` refuses a fork.

use sea_orm_migration::{prelude::*, schema::*};

use crate::indexes::unique;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for col in [AuditLog::PrevHash, AuditLog::Hash] {
            manager
                .alter_table(Table::alter().table(AuditLog::Table).add_column(string_len_null(col, 64)).to_owned())
                .await?;
        }
        unique(manager, "uq_audit_log_prev_hash", AuditLog::Table, &[AuditLog::PrevHash]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("uq_audit_log_prev_hash").table(AuditLog::Table).to_owned()).await?;
        for col in [AuditLog::Hash, AuditLog::PrevHash] {
            manager.alter_table(Table::alter().table(AuditLog::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum AuditLog {
    Table,
    PrevHash,
    Hash,
}
