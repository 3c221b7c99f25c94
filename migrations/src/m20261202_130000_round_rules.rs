//! A monitoring round keeps the light numbers it was opened with (the
//! [practice] thresholds became rule settings), and one round per year and
//! month is a constraint of the database, not only a check of the service.

use sea_orm_migration::{prelude::*, schema::*};

use crate::indexes::unique;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MonitoringRound::Table)
                    .add_column(text_null(MonitoringRound::LightRules))
                    .to_owned(),
            )
            .await?;
        unique(
            manager,
            "uq_monitoring_round_month",
            MonitoringRound::Table,
            &[MonitoringRound::YearId, MonitoringRound::Month],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("uq_monitoring_round_month").table(MonitoringRound::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter().table(MonitoringRound::Table).drop_column(MonitoringRound::LightRules).to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden, Clone)]
enum MonitoringRound {
    Table,
    YearId,
    Month,
    LightRules,
}
