//! 绩效运行监控: rounds, the units in them, project and indicator reports,
//! decisions, and background import jobs.

use sea_orm_migration::{prelude::*, schema::*};

use crate::indexes::{index, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MonitoringRound::Table)
                    .col(big_pk_auto(MonitoringRound::Id))
                    .col(big_integer(MonitoringRound::YearId))
                    .col(integer(MonitoringRound::Month))
                    .col(string_len(MonitoringRound::DueDate, 10))
                    .col(string_len(MonitoringRound::Rule, 20))
                    .col(string_len(MonitoringRound::Status, 20))
                    .col(big_integer(MonitoringRound::CreatedBy))
                    .col(timestamp_with_time_zone(MonitoringRound::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoundUnit::Table)
                    .col(big_pk_auto(RoundUnit::Id))
                    .col(big_integer(RoundUnit::RoundId))
                    .col(big_integer(RoundUnit::UnitId))
                    .col(timestamp_with_time_zone_null(RoundUnit::SubmittedAt))
                    .col(timestamp_with_time_zone_null(RoundUnit::ReviewedAt))
                    .col(big_integer_null(RoundUnit::ReviewedBy))
                    .col(text(RoundUnit::ReviewNote))
                    .to_owned(),
            )
            .await?;
        unique(manager, "uq_round_unit", RoundUnit::Table, &[RoundUnit::RoundId, RoundUnit::UnitId]).await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjectReport::Table)
                    .col(big_pk_auto(ProjectReport::Id))
                    .col(big_integer(ProjectReport::RoundId))
                    .col(big_integer(ProjectReport::ProjectId))
                    .col(big_integer(ProjectReport::UnitId))
                    .col(big_integer(ProjectReport::ExecutedFen))
                    .col(string_len(ProjectReport::ExecutionRate, 20))
                    .col(string_len(ProjectReport::ExecutionLight, 10))
                    .col(string_len(ProjectReport::Light, 10))
                    .col(big_integer(ProjectReport::ReportedBy))
                    .col(timestamp_with_time_zone(ProjectReport::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        unique(manager, "uq_project_report", ProjectReport::Table, &[ProjectReport::RoundId, ProjectReport::ProjectId])
            .await?;
        index(
            manager,
            "idx_project_report_round_light",
            ProjectReport::Table,
            &[ProjectReport::RoundId, ProjectReport::Light],
        )
        .await?;
        index(
            manager,
            "idx_project_report_round_unit",
            ProjectReport::Table,
            &[ProjectReport::RoundId, ProjectReport::UnitId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(IndicatorReport::Table)
                    .col(big_pk_auto(IndicatorReport::Id))
                    .col(big_integer(IndicatorReport::ProjectReportId))
                    .col(integer(IndicatorReport::Position))
                    .col(string_len(IndicatorReport::Name, 200))
                    .col(string_len_null(IndicatorReport::Actual, 40))
                    .col(string_len_null(IndicatorReport::Qualitative, 20))
                    .col(string_len(IndicatorReport::Likelihood, 20))
                    .col(string_len_null(IndicatorReport::Forecast, 40))
                    .col(string_len(IndicatorReport::Reasons, 100))
                    .col(text(IndicatorReport::Measures))
                    .col(string_len(IndicatorReport::Light, 10))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_indicator_report_project", IndicatorReport::Table, &[IndicatorReport::ProjectReportId])
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MonitoringDecision::Table)
                    .col(big_pk_auto(MonitoringDecision::Id))
                    .col(big_integer(MonitoringDecision::RoundId))
                    .col(big_integer(MonitoringDecision::ProjectId))
                    .col(string_len(MonitoringDecision::Kind, 20))
                    .col(big_integer_null(MonitoringDecision::AmountFen))
                    .col(text(MonitoringDecision::Note))
                    .col(big_integer(MonitoringDecision::DecidedBy))
                    .col(timestamp_with_time_zone(MonitoringDecision::DecidedAt))
                    .to_owned(),
            )
            .await?;
        unique(
            manager,
            "uq_monitoring_decision",
            MonitoringDecision::Table,
            &[MonitoringDecision::RoundId, MonitoringDecision::ProjectId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ImportJob::Table)
                    .col(big_pk_auto(ImportJob::Id))
                    .col(big_integer(ImportJob::RoundId))
                    .col(string_len(ImportJob::Status, 20))
                    .col(integer(ImportJob::Total))
                    .col(integer(ImportJob::Processed))
                    .col(text(ImportJob::Errors))
                    .col(integer(ImportJob::Applied))
                    .col(big_integer(ImportJob::CreatedBy))
                    .col(timestamp_with_time_zone(ImportJob::CreatedAt))
                    .col(timestamp_with_time_zone_null(ImportJob::FinishedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ImportJob::Table.into_iden(),
            MonitoringDecision::Table.into_iden(),
            IndicatorReport::Table.into_iden(),
            ProjectReport::Table.into_iden(),
            RoundUnit::Table.into_iden(),
            MonitoringRound::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum MonitoringRound {
    Table,
    Id,
    YearId,
    Month,
    DueDate,
    Rule,
    Status,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum RoundUnit {
    Table,
    Id,
    RoundId,
    UnitId,
    SubmittedAt,
    ReviewedAt,
    ReviewedBy,
    ReviewNote,
}

#[derive(DeriveIden, Clone)]
enum ProjectReport {
    Table,
    Id,
    RoundId,
    ProjectId,
    UnitId,
    ExecutedFen,
    ExecutionRate,
    ExecutionLight,
    Light,
    ReportedBy,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum IndicatorReport {
    Table,
    Id,
    ProjectReportId,
    Position,
    Name,
    Actual,
    Qualitative,
    Likelihood,
    Forecast,
    Reasons,
    Measures,
    Light,
}

#[derive(DeriveIden, Clone)]
enum MonitoringDecision {
    Table,
    Id,
    RoundId,
    ProjectId,
    Kind,
    AmountFen,
    Note,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden, Clone)]
enum ImportJob {
    Table,
    Id,
    RoundId,
    Status,
    Total,
    Processed,
    Errors,
    Applied,
    CreatedBy,
    CreatedAt,
    FinishedAt,
}
