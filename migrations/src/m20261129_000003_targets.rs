//! Targets and their review chain, expert panels, ex-ante assessments, the
//! adjustment ledger and rule settings. JSON documents are TEXT; money is
//! BIGINT fen; scores are decimal strings inside JSON or BIGINT hundredths.

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
                    .table(RuleSetting::Table)
                    .col(string_len(RuleSetting::Key, 64).primary_key())
                    .col(string_len(RuleSetting::Value, 200))
                    .col(timestamp_with_time_zone(RuleSetting::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Target::Table)
                    .col(big_pk_auto(Target::Id))
                    .col(big_integer_uniq(Target::ProjectId))
                    .col(string_len(Target::State, 30))
                    .col(integer(Target::Revision))
                    .col(text(Target::OverallGoal))
                    .col(text(Target::Indicators))
                    .col(timestamp_with_time_zone(Target::CreatedAt))
                    .col(timestamp_with_time_zone(Target::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create().from(Target::Table, Target::ProjectId).to(Project::Table, Project::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_target_state", Target::Table, &[Target::State]).await?;

        manager
            .create_table(
                Table::create()
                    .table(TargetRevision::Table)
                    .col(big_pk_auto(TargetRevision::Id))
                    .col(big_integer(TargetRevision::TargetId))
                    .col(integer(TargetRevision::Number))
                    .col(text(TargetRevision::OverallGoal))
                    .col(text(TargetRevision::Indicators))
                    .col(big_integer(TargetRevision::SubmittedBy))
                    .col(timestamp_with_time_zone(TargetRevision::SubmittedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TargetRevision::Table, TargetRevision::TargetId)
                            .to(Target::Table, Target::Id),
                    )
                    .to_owned(),
            )
            .await?;
        unique(
            manager,
            "uq_target_revision",
            TargetRevision::Table,
            &[TargetRevision::TargetId, TargetRevision::Number],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TargetReview::Table)
                    .col(big_pk_auto(TargetReview::Id))
                    .col(big_integer(TargetReview::TargetId))
                    .col(integer(TargetReview::Revision))
                    .col(string_len(TargetReview::Step, 30))
                    .col(string_len(TargetReview::Action, 30))
                    .col(text(TargetReview::Reasons))
                    .col(big_integer_null(TargetReview::AdjustFen))
                    .col(big_integer(TargetReview::ReviewerId))
                    .col(big_integer(TargetReview::ReviewerOrgId))
                    .col(timestamp_with_time_zone(TargetReview::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TargetReview::Table, TargetReview::TargetId)
                            .to(Target::Table, Target::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_target_review_target", TargetReview::Table, &[TargetReview::TargetId]).await?;

        manager
            .create_table(
                Table::create()
                    .table(LedgerEntry::Table)
                    .col(big_pk_auto(LedgerEntry::Id))
                    .col(big_integer(LedgerEntry::ProjectId))
                    .col(string_len(LedgerEntry::Source, 30))
                    .col(string_len(LedgerEntry::Kind, 30))
                    .col(big_integer(LedgerEntry::AmountFen))
                    .col(text(LedgerEntry::Decision))
                    .col(big_integer(LedgerEntry::DecidedBy))
                    .col(timestamp_with_time_zone(LedgerEntry::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LedgerEntry::Table, LedgerEntry::ProjectId)
                            .to(Project::Table, Project::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_ledger_project", LedgerEntry::Table, &[LedgerEntry::ProjectId]).await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertField::Table)
                    .col(big_pk_auto(ExpertField::Id))
                    .col(big_integer(ExpertField::ExpertId))
                    .col(string_len(ExpertField::Field, 30))
                    .to_owned(),
            )
            .await?;
        unique(manager, "uq_expert_field", ExpertField::Table, &[ExpertField::ExpertId, ExpertField::Field]).await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertConflict::Table)
                    .col(big_pk_auto(ExpertConflict::Id))
                    .col(big_integer(ExpertConflict::ExpertId))
                    .col(big_integer(ExpertConflict::UnitId))
                    .to_owned(),
            )
            .await?;
        unique(
            manager,
            "uq_expert_conflict",
            ExpertConflict::Table,
            &[ExpertConflict::ExpertId, ExpertConflict::UnitId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertPanel::Table)
                    .col(big_pk_auto(ExpertPanel::Id))
                    .col(big_integer(ExpertPanel::YearId))
                    .col(string_len(ExpertPanel::Purpose, 30))
                    .col(string_len(ExpertPanel::Field, 30))
                    .col(big_integer(ExpertPanel::CreatedBy))
                    .col(timestamp_with_time_zone(ExpertPanel::CreatedAt))
                    .col(text_null(ExpertPanel::Conclusion))
                    .col(timestamp_with_time_zone_null(ExpertPanel::ConcludedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PanelMember::Table)
                    .col(big_pk_auto(PanelMember::Id))
                    .col(big_integer(PanelMember::PanelId))
                    .col(big_integer(PanelMember::ExpertId))
                    .to_owned(),
            )
            .await?;
        unique(manager, "uq_panel_member", PanelMember::Table, &[PanelMember::PanelId, PanelMember::ExpertId]).await?;
        index(manager, "idx_panel_member_expert", PanelMember::Table, &[PanelMember::ExpertId]).await?;

        manager
            .create_table(
                Table::create()
                    .table(PanelItem::Table)
                    .col(big_pk_auto(PanelItem::Id))
                    .col(big_integer(PanelItem::PanelId))
                    .col(big_integer_null(PanelItem::TargetId))
                    .col(big_integer_null(PanelItem::AssessmentId))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_panel_item_panel", PanelItem::Table, &[PanelItem::PanelId]).await?;
        index(manager, "idx_panel_item_target", PanelItem::Table, &[PanelItem::TargetId]).await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertOpinion::Table)
                    .col(big_pk_auto(ExpertOpinion::Id))
                    .col(big_integer(ExpertOpinion::PanelItemId))
                    .col(big_integer(ExpertOpinion::ExpertId))
                    .col(string_len_null(ExpertOpinion::Score, 20))
                    .col(text_null(ExpertOpinion::DimensionScores))
                    .col(text(ExpertOpinion::Opinion))
                    .col(timestamp_with_time_zone(ExpertOpinion::At))
                    .to_owned(),
            )
            .await?;
        unique(
            manager,
            "uq_expert_opinion",
            ExpertOpinion::Table,
            &[ExpertOpinion::PanelItemId, ExpertOpinion::ExpertId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ExAnteAssessment::Table)
                    .col(big_pk_auto(ExAnteAssessment::Id))
                    .col(big_integer_uniq(ExAnteAssessment::ProjectId))
                    .col(string_len(ExAnteAssessment::AssessorKind, 20))
                    .col(big_integer_null(ExAnteAssessment::FirmId))
                    .col(string_len(ExAnteAssessment::State, 20))
                    .col(text_null(ExAnteAssessment::Scores))
                    .col(string_len_null(ExAnteAssessment::TotalScore, 20))
                    .col(string_len_null(ExAnteAssessment::Conclusion, 30))
                    .col(big_integer_null(ExAnteAssessment::CutFen))
                    .col(text(ExAnteAssessment::Preconditions))
                    .col(text(ExAnteAssessment::Opinion))
                    .col(big_integer(ExAnteAssessment::CreatedBy))
                    .col(timestamp_with_time_zone(ExAnteAssessment::CreatedAt))
                    .col(timestamp_with_time_zone_null(ExAnteAssessment::ConcludedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ExAnteAssessment::Table, ExAnteAssessment::ProjectId)
                            .to(Project::Table, Project::Id),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ExAnteAssessment::Table.into_iden(),
            ExpertOpinion::Table.into_iden(),
            PanelItem::Table.into_iden(),
            PanelMember::Table.into_iden(),
            ExpertPanel::Table.into_iden(),
            ExpertConflict::Table.into_iden(),
            ExpertField::Table.into_iden(),
            LedgerEntry::Table.into_iden(),
            TargetReview::Table.into_iden(),
            TargetRevision::Table.into_iden(),
            Target::Table.into_iden(),
            RuleSetting::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum Project {
    Table,
    Id,
}

#[derive(DeriveIden, Clone)]
enum RuleSetting {
    Table,
    Key,
    Value,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Target {
    Table,
    Id,
    ProjectId,
    State,
    Revision,
    OverallGoal,
    Indicators,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum TargetRevision {
    Table,
    Id,
    TargetId,
    Number,
    OverallGoal,
    Indicators,
    SubmittedBy,
    SubmittedAt,
}

#[derive(DeriveIden, Clone)]
enum TargetReview {
    Table,
    Id,
    TargetId,
    Revision,
    Step,
    Action,
    Reasons,
    AdjustFen,
    ReviewerId,
    ReviewerOrgId,
    At,
}

#[derive(DeriveIden, Clone)]
enum LedgerEntry {
    Table,
    Id,
    ProjectId,
    Source,
    Kind,
    AmountFen,
    Decision,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden, Clone)]
enum ExpertField {
    Table,
    Id,
    ExpertId,
    Field,
}

#[derive(DeriveIden, Clone)]
enum ExpertConflict {
    Table,
    Id,
    ExpertId,
    UnitId,
}

#[derive(DeriveIden, Clone)]
enum ExpertPanel {
    Table,
    Id,
    YearId,
    Purpose,
    Field,
    CreatedBy,
    CreatedAt,
    Conclusion,
    ConcludedAt,
}

#[derive(DeriveIden, Clone)]
enum PanelMember {
    Table,
    Id,
    PanelId,
    ExpertId,
}

#[derive(DeriveIden, Clone)]
enum PanelItem {
    Table,
    Id,
    PanelId,
    TargetId,
    AssessmentId,
}

#[derive(DeriveIden, Clone)]
enum ExpertOpinion {
    Table,
    Id,
    PanelItemId,
    ExpertId,
    Score,
    DimensionScores,
    Opinion,
    At,
}

#[derive(DeriveIden, Clone)]
enum ExAnteAssessment {
    Table,
    Id,
    ProjectId,
    AssessorKind,
    FirmId,
    State,
    Scores,
    TotalScore,
    Conclusion,
    CutFen,
    Preconditions,
    Opinion,
    CreatedBy,
    CreatedAt,
    ConcludedAt,
}
