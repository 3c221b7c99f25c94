//! The foundation: fiscal years, organisations, users, refresh tokens,
//! projects and the audit log. Money columns are integer fen (BIGINT) so both
//! SQLite and PostgreSQL keep amounts exact.

use sea_orm_migration::{prelude::*, schema::*};

use crate::indexes::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FiscalYear::Table)
                    .col(big_pk_auto(FiscalYear::Id))
                    .col(integer_uniq(FiscalYear::Year))
                    .col(string_len(FiscalYear::Status, 20))
                    .col(timestamp_with_time_zone(FiscalYear::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Organisation::Table)
                    .col(big_pk_auto(Organisation::Id))
                    .col(string_len(Organisation::Kind, 30))
                    .col(string_len_uniq(Organisation::Code, 32))
                    .col(string_len(Organisation::Name, 200))
                    .col(big_integer_null(Organisation::ParentId))
                    .col(big_integer_null(Organisation::SectionId))
                    .col(timestamp_with_time_zone(Organisation::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Organisation::Table, Organisation::ParentId)
                            .to(Organisation::Table, Organisation::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Organisation::Table, Organisation::SectionId)
                            .to(Organisation::Table, Organisation::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_organisation_kind", Organisation::Table, &[Organisation::Kind]).await?;
        index(manager, "idx_organisation_parent", Organisation::Table, &[Organisation::ParentId]).await?;
        index(manager, "idx_organisation_section", Organisation::Table, &[Organisation::SectionId]).await?;

        manager
            .create_table(
                Table::create()
                    .table(AppUser::Table)
                    .col(big_pk_auto(AppUser::Id))
                    .col(string_len_uniq(AppUser::Username, 64))
                    .col(string_len(AppUser::DisplayName, 100))
                    .col(string_len(AppUser::PasswordHash, 200))
                    .col(string_len(AppUser::Role, 30))
                    .col(big_integer(AppUser::OrganisationId))
                    .col(boolean(AppUser::Active))
                    .col(integer(AppUser::FailedLogins))
                    .col(timestamp_with_time_zone_null(AppUser::LockedUntil))
                    .col(timestamp_with_time_zone_null(AppUser::LastLoginAt))
                    .col(timestamp_with_time_zone(AppUser::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AppUser::Table, AppUser::OrganisationId)
                            .to(Organisation::Table, Organisation::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_app_user_organisation", AppUser::Table, &[AppUser::OrganisationId]).await?;

        manager
            .create_table(
                Table::create()
                    .table(RefreshToken::Table)
                    .col(big_pk_auto(RefreshToken::Id))
                    .col(big_integer(RefreshToken::UserId))
                    .col(string_len(RefreshToken::Family, 36))
                    .col(string_len_uniq(RefreshToken::TokenHash, 64))
                    .col(timestamp_with_time_zone(RefreshToken::IssuedAt))
                    .col(timestamp_with_time_zone(RefreshToken::ExpiresAt))
                    .col(timestamp_with_time_zone(RefreshToken::FamilyExpiresAt))
                    .col(timestamp_with_time_zone_null(RefreshToken::UsedAt))
                    .col(timestamp_with_time_zone_null(RefreshToken::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefreshToken::Table, RefreshToken::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_refresh_token_family", RefreshToken::Table, &[RefreshToken::Family]).await?;

        manager
            .create_table(
                Table::create()
                    .table(Project::Table)
                    .col(big_pk_auto(Project::Id))
                    .col(big_integer(Project::YearId))
                    .col(big_integer(Project::UnitId))
                    .col(string_len(Project::Code, 40))
                    .col(string_len(Project::Name, 200))
                    .col(string_len(Project::Kind, 20))
                    .col(string_len(Project::BudgetType, 30))
                    .col(big_integer(Project::RequestedFen))
                    .col(big_integer_null(Project::ApprovedFen))
                    .col(boolean(Project::IsNew))
                    .col(timestamp_with_time_zone(Project::CreatedAt))
                    .col(timestamp_with_time_zone(Project::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Project::Table, Project::YearId)
                            .to(FiscalYear::Table, FiscalYear::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Project::Table, Project::UnitId)
                            .to(Organisation::Table, Organisation::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_project_year_code")
                    .table(Project::Table)
                    .col(Project::YearId)
                    .col(Project::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_project_unit", Project::Table, &[Project::UnitId, Project::Id]).await?;
        index(manager, "idx_project_year_budget", Project::Table, &[Project::YearId, Project::BudgetType]).await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(big_pk_auto(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(big_integer_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::ActorName, 64))
                    .col(string_len(AuditLog::Operation, 64))
                    .col(string_len(AuditLog::ObjectType, 32))
                    .col(string_len_null(AuditLog::ObjectId, 64))
                    .col(text_null(AuditLog::Before))
                    .col(text_null(AuditLog::After))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_audit_log_object", AuditLog::Table, &[AuditLog::ObjectType, AuditLog::ObjectId]).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            Project::Table.into_iden(),
            RefreshToken::Table.into_iden(),
            AppUser::Table.into_iden(),
            Organisation::Table.into_iden(),
            FiscalYear::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum FiscalYear {
    Table,
    Id,
    Year,
    Status,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Organisation {
    Table,
    Id,
    Kind,
    Code,
    Name,
    ParentId,
    SectionId,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum AppUser {
    Table,
    Id,
    Username,
    DisplayName,
    PasswordHash,
    Role,
    OrganisationId,
    Active,
    FailedLogins,
    LockedUntil,
    LastLoginAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum RefreshToken {
    Table,
    Id,
    UserId,
    Family,
    TokenHash,
    IssuedAt,
    ExpiresAt,
    FamilyExpiresAt,
    UsedAt,
    RevokedAt,
}

#[derive(DeriveIden, Clone)]
enum Project {
    Table,
    Id,
    YearId,
    UnitId,
    Code,
    Name,
    Kind,
    BudgetType,
    RequestedFen,
    ApprovedFen,
    IsNew,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorId,
    ActorName,
    Operation,
    ObjectType,
    ObjectId,
    Before,
    After,
}
