//! The indicator library (指标库): common indicators by field and the
//! characteristic indicators units propose for 入库. A name is unique within
//! its field.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LibraryIndicator::Table)
                    .col(big_pk_auto(LibraryIndicator::Id))
                    .col(string_len(LibraryIndicator::Level2, 30))
                    .col(string_len(LibraryIndicator::Field, 30))
                    .col(string_len(LibraryIndicator::Name, 100))
                    .col(string_len(LibraryIndicator::Comparator, 20))
                    .col(string_len(LibraryIndicator::Unit, 20))
                    .col(string_len(LibraryIndicator::ReferenceValue, 500))
                    .col(text(LibraryIndicator::ScoringStandard))
                    .col(string_len(LibraryIndicator::Direction, 20))
                    .col(string_len(LibraryIndicator::Source, 20))
                    .col(string_len(LibraryIndicator::Status, 20))
                    .col(big_integer_null(LibraryIndicator::ProposedByOrgId))
                    .col(text_null(LibraryIndicator::RefusalReason))
                    .col(timestamp_with_time_zone(LibraryIndicator::CreatedAt))
                    .col(timestamp_with_time_zone(LibraryIndicator::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LibraryIndicator::Table, LibraryIndicator::ProposedByOrgId)
                            .to(Organisation::Table, Organisation::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_library_indicator_field_name")
                    .table(LibraryIndicator::Table)
                    .col(LibraryIndicator::Field)
                    .col(LibraryIndicator::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_library_indicator_status_field", [LibraryIndicator::Status, LibraryIndicator::Field]),
            ("idx_library_indicator_status_level2", [LibraryIndicator::Status, LibraryIndicator::Level2]),
            ("idx_library_indicator_proposer", [LibraryIndicator::ProposedByOrgId, LibraryIndicator::Status]),
        ] {
            let mut stmt = Index::create();
            stmt.name(name).table(LibraryIndicator::Table);
            for col in cols {
                stmt.col(col);
            }
            manager.create_index(stmt.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LibraryIndicator::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum LibraryIndicator {
    Table,
    Id,
    Level2,
    Field,
    Name,
    Comparator,
    Unit,
    ReferenceValue,
    ScoringStandard,
    Direction,
    Source,
    Status,
    ProposedByOrgId,
    RefusalReason,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}
