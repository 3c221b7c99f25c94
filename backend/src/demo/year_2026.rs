//! The demo's 2026: targets in every state of the review chain, panels and
//! assessments in progress.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::ex_ante::{AssessmentState, AssessorKind};
use shared::indicators::Field;
use shared::reviews::{ReviewAction, ReviewStep, TargetState};

use super::cycle::*;
use crate::ex_ante::entity as assessment;
use crate::experts::panel::{self, item, member};
use crate::organisations::entity as organisation;
use crate::projects::entity as project;

pub(super) async fn seed_2026(
    db: &impl ConnectionTrait,
    a: &Actors,
    year_id: i64,
    experts: &[i64],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let education = org(db, "D-JKW-01").await?;
    let section_units: Vec<i64> = organisation::Entity::find()
        .filter(organisation::Column::SectionId.eq(a.section.1))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    let mut list = project::Entity::find()
        .filter(project::Column::YearId.eq(year_id))
        .filter(project::Column::UnitId.is_in(section_units))
        .filter(project::Column::Kind.ne("unit_overall"))
        .order_by_asc(project::Column::Id)
        .all(db)
        .await?;
    // 县教育局's projects first, so dept_demo sees a draft and a returned target.
    list.sort_by_key(|p| (p.unit_id != education, p.id));
    let states = [
        TargetState::Draft,
        TargetState::Returned,
        TargetState::PendingInitial,
        TargetState::PendingRecheck,
        TargetState::PendingExpert,
        TargetState::PendingApproval,
        TargetState::Approved,
    ];
    let mut expert_targets = Vec::new();
    for (i, p) in list.iter().take(states.len() * 3).enumerate() {
        let state = states[i % states.len()];
        let mut set = indicators(&p.name);
        if state == TargetState::Draft {
            // A draft that does not pass yet: weights 85 of 90.
            set[0].weight = Decimal::from(15);
        }
        let revisions = i32::from(state != TargetState::Draft);
        let t = insert_target(db, p, state, revisions, &set, a.unit_user, now).await?;
        let unit_side = (a.unit_user, p.unit_id);
        if state == TargetState::Draft {
            continue;
        }
        step(db, &t, 1, ReviewStep::SelfReview, ReviewAction::Submit, unit_side, "", None, now).await?;
        let chain = [
            (TargetState::PendingRecheck, ReviewStep::Initial, a.section),
            (TargetState::PendingExpert, ReviewStep::Recheck, a.performance),
            (TargetState::PendingApproval, ReviewStep::Expert, a.performance),
            (TargetState::Approved, ReviewStep::Approval, a.performance),
        ];
        if state == TargetState::Returned {
            step(
                db,
                &t,
                1,
                ReviewStep::Initial,
                ReviewAction::Return,
                a.section,
                "满意度指标缺少调查方式，成本指标未量化，请修改后重新提交",
                None,
                now,
            )
            .await?;
        }
        for (reached, s, who) in chain {
            if states.iter().position(|x| *x == state) >= states.iter().position(|x| *x == reached) {
                let action = if s == ReviewStep::Approval { ReviewAction::Approve } else { ReviewAction::Pass };
                step(db, &t, 1, s, action, who, "同意", None, now).await?;
            }
        }
        if state == TargetState::PendingExpert {
            expert_targets.push(t.id);
        }
    }
    // A panel sitting on the targets at the expert step: expert_demo and two more.
    if !expert_targets.is_empty() {
        let p = panel::ActiveModel {
            year_id: Set(year_id),
            purpose: Set("target_review".into()),
            field: Set(Field::Education.as_str().into()),
            created_by: Set(a.performance.0),
            created_at: Set(now),
            conclusion: Set(None),
            concluded_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for e in [experts[0], experts[10], experts[20]] {
            member::ActiveModel { panel_id: Set(p.id), expert_id: Set(e), ..Default::default() }.insert(db).await?;
        }
        for t in expert_targets {
            item::ActiveModel {
                panel_id: Set(p.id),
                target_id: Set(Some(t)),
                assessment_id: Set(None),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    // Two ex-ante assessments in progress: one commissioned to 蜀衡绩效 (firm_demo's 待办),
    // one before a panel with expert_demo.
    let new_projects = project::Entity::find()
        .filter(project::Column::YearId.eq(year_id))
        .filter(project::Column::IsNew.eq(true))
        .filter(project::Column::Kind.ne("unit_overall"))
        .order_by_desc(project::Column::RequestedFen)
        .all(db)
        .await?;
    let firm = org(db, "FIRM-01").await?;
    for (i, p) in new_projects.iter().filter(|p| !list.iter().take(21).any(|l| l.id == p.id)).take(2).enumerate() {
        let a_row = assessment::ActiveModel {
            project_id: Set(p.id),
            assessor_kind: Set(if i == 0 { AssessorKind::Firm } else { AssessorKind::Panel }.as_str().into()),
            firm_id: Set((i == 0).then_some(firm)),
            state: Set(AssessmentState::InProgress.as_str().into()),
            scores: Set(None),
            total_score: Set(None),
            conclusion: Set(None),
            cut_fen: Set(None),
            preconditions: Set(String::new()),
            opinion: Set(String::new()),
            created_by: Set(a.performance.0),
            created_at: Set(now),
            concluded_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if i == 1 {
            let p = panel::ActiveModel {
                year_id: Set(year_id),
                purpose: Set("ex_ante".into()),
                field: Set(Field::Infrastructure.as_str().into()),
                created_by: Set(a.performance.0),
                created_at: Set(now),
                conclusion: Set(None),
                concluded_at: Set(None),
                ..Default::default()
            }
            .insert(db)
            .await?;
            for e in [experts[0], experts[4]] {
                member::ActiveModel { panel_id: Set(p.id), expert_id: Set(e), ..Default::default() }.insert(db).await?;
            }
            item::ActiveModel {
                panel_id: Set(p.id),
                target_id: Set(None),
                assessment_id: Set(Some(a_row.id)),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
