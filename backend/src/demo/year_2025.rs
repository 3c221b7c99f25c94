//! The demo's 2025: a finished year shaped like the seed report.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::ex_ante::{AssessmentState, AssessorKind, Conclusion};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::reviews::{ReviewAction, ReviewStep, TargetState};

use super::cycle::*;
use crate::ex_ante::entity as assessment;
use crate::projects::entity as project;

/// The 8 ex-ante projects of 2025: (unit code, name, requested 元, conclusion, cut 元).
const EX_ANTE_2025: &[(&str, &str, i64, Conclusion, i64)] = &[
    ("D-JJ-02", "县城北片区市政道路建设项目", 40_000_000, Conclusion::Reject, 0),
    ("D-JJ-04", "县城第二污水处理厂建设项目", 300_000_000, Conclusion::Defer, 0),
    ("D-JJ-01", "农村公路提档升级工程", 200_000_000, Conclusion::Defer, 0),
    ("D-NY-02", "中型灌区续建配套与节水改造项目", 100_189_400, Conclusion::Defer, 0),
    ("D-JKW-04", "县人民医院医技综合楼建设项目", 15_000_000, Conclusion::Defer, 0),
    ("D-JKW-01", "县城第三小学新建工程", 36_000_000, Conclusion::SupportAdjusted, 1_200_000),
    ("D-NY-01", "高标准农田建设项目（2025年度）", 24_000_000, Conclusion::SupportAdjusted, 800_000),
    ("D-SB-01", "职业技能提升行动培训补贴政策", 8_000_000, Conclusion::Support, 0),
];

pub(super) async fn seed_2025(
    db: &impl ConnectionTrait,
    a: &Actors,
    year_id: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let perf = a.performance;
    for (i, (unit, name, yuan, conclusion, cut)) in EX_ANTE_2025.iter().enumerate() {
        let p = project::ActiveModel {
            year_id: Set(year_id),
            unit_id: Set(org(db, unit).await?),
            code: Set(format!("SQ2025-{:02}", i + 1)),
            name: Set((*name).into()),
            kind: Set(if name.ends_with("政策") { "policy" } else { "project" }.into()),
            budget_type: Set(if *unit == "D-JJ-04" { "government_fund" } else { "general_public" }.into()),
            requested_fen: Set(yuan * 100),
            approved_fen: Set(shared::ex_ante::allows_approval(*conclusion).then_some((yuan - cut) * 100)),
            is_new: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let firm = if i % 3 == 2 { None } else { Some(org(db, if i % 2 == 0 { "FIRM-01" } else { "FIRM-02" }).await?) };
        assessment::ActiveModel {
            project_id: Set(p.id),
            assessor_kind: Set(if firm.is_some() { AssessorKind::Firm } else { AssessorKind::Panel }.as_str().into()),
            firm_id: Set(firm),
            state: Set(AssessmentState::Concluded.as_str().into()),
            scores: Set(Some(serde_json::to_string(&["16", "14", "15", "14", "17"])?)),
            total_score: Set(Some("76".into())),
            conclusion: Set(Some(conclusion.as_str().into())),
            cut_fen: Set((*cut > 0).then_some(cut * 100)),
            preconditions: Set(if *cut > 0 {
                "按评减后金额编制预算，资金按工程进度拨付".into()
            } else {
                String::new()
            }),
            opinion: Set("经评估，结论如上".into()),
            created_by: Set(perf.0),
            created_at: Set(now),
            concluded_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let decision = format!("事前绩效评估结论：{}", conclusion.label());
        match conclusion {
            Conclusion::Reject => {
                ledger_entry(db, p.id, LedgerSource::ExAnte, LedgerKind::Reject, yuan * 100, &decision, perf.0, now)
                    .await?
            }
            Conclusion::Defer => {
                ledger_entry(db, p.id, LedgerSource::ExAnte, LedgerKind::Defer, yuan * 100, &decision, perf.0, now)
                    .await?
            }
            Conclusion::SupportAdjusted => {
                ledger_entry(db, p.id, LedgerSource::ExAnte, LedgerKind::Cut, cut * 100, &decision, perf.0, now).await?
            }
            Conclusion::Support => {}
        }
    }

    // 45 targets reviewed, 18 of them returned once (40%); 18 projects adjusted
    // in 复审 by 210.66万 in all (17 × 11.70万 + 11.76万).
    let candidates = project::Entity::find()
        .filter(project::Column::YearId.eq(year_id))
        .filter(project::Column::Kind.ne("unit_overall"))
        .filter(project::Column::IsNew.eq(false))
        .order_by_asc(project::Column::Id)
        .all(db)
        .await?;
    anyhow::ensure!(
        candidates.len() >= 45,
        "the 2025 demo year needs 45 continuing projects, has {}",
        candidates.len()
    );
    for (i, p) in candidates.iter().take(45).enumerate() {
        let returned = i < 18;
        let adjusted = (10..28).contains(&i);
        let revisions = if returned { 2 } else { 1 };
        let t = insert_target(db, p, TargetState::Approved, revisions, &indicators(&p.name), a.unit_user, now).await?;
        let unit_side = (a.unit_user, p.unit_id);
        step(db, &t, 1, ReviewStep::SelfReview, ReviewAction::Submit, unit_side, "", None, now).await?;
        if returned {
            step(
                db,
                &t,
                1,
                ReviewStep::Initial,
                ReviewAction::Return,
                a.section,
                "指标值未量化，请补充计量单位和目标值",
                None,
                now,
            )
            .await?;
            step(db, &t, 2, ReviewStep::SelfReview, ReviewAction::Submit, unit_side, "", None, now).await?;
        }
        step(db, &t, revisions, ReviewStep::Initial, ReviewAction::Pass, a.section, "同意", None, now).await?;
        let adjust = adjusted.then_some(if i == 27 { 11_760_000 } else { 11_700_000 });
        step(db, &t, revisions, ReviewStep::Recheck, ReviewAction::Pass, a.performance, "同意", adjust, now).await?;
        if let Some(fen) = adjust {
            ledger_entry(
                db,
                p.id,
                LedgerSource::TargetReview,
                LedgerKind::Cut,
                fen,
                "绩效股复审调整预算",
                a.performance.0,
                now,
            )
            .await?;
        }
        step(db, &t, revisions, ReviewStep::Expert, ReviewAction::Pass, a.performance, "专家组同意", None, now).await?;
        step(db, &t, revisions, ReviewStep::Approval, ReviewAction::Approve, a.performance, "", None, now).await?;
    }
    Ok(())
}
