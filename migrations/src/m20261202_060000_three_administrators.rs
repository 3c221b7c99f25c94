//! 三员分立: a user's role takes effect only once the 安全管理员 has granted
//! it, and an account created or reset by an administrator carries a one-time
//! password that must be changed at the first login. The audit log gets the
//! indexes the 审计管理员's search uses.
//!
//! Existing users keep their roles (granted) and their passwords.

use sea_orm_migration::{prelude::*, schema::*};

use crate::indexes::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        manager
            .alter_table(
                Table::alter().table(AppUser::Table).add_column(boolean(AppUser::RoleGranted).default(true)).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AppUser::Table)
                    .add_column(boolean(AppUser::MustChangePassword).default(false))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_audit_log_at", AuditLog::Table, &[AuditLog::At]).await?;
        index(manager, "idx_audit_log_actor", AuditLog::Table, &[AuditLog::ActorName, AuditLog::Id]).await?;
        index(manager, "idx_audit_log_operation", AuditLog::Table, &[AuditLog::Operation, AuditLog::Id]).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in ["idx_audit_log_operation", "idx_audit_log_actor", "idx_audit_log_at"] {
            manager.drop_index(Index::drop().name(name).table(AuditLog::Table).to_owned()).await?;
        }
        for col in [AppUser::MustChangePassword, AppUser::RoleGranted] {
            manager.alter_table(Table::alter().table(AppUser::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum AppUser {
    Table,
    RoleGranted,
    MustChangePassword,
}

#[derive(DeriveIden, Clone)]
enum AuditLog {
    Table,
    At,
    ActorName,
    Operation,
    Id,
}
