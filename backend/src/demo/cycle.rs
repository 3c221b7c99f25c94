//! The demo county's performance cycle: the expert pool, 2025 (a finished
//! year shaped like the seed report: 8 projects assessed ex ante, 1 rejected
//! for 4000万, 4 deferred, 40% of reviewed targets returned, 18 projects'
//! budgets adjusted by 210.66万 in review) and 2026 (targets in every state,
//! panels and assessments in progress, so each role has work waiting).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::ex_ante::{AssessmentState, AssessorKind, Conclusion};
use shared::indicators::{Comparator, Direction, Field, IndicatorSource, Level2};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::reviews::{ReviewAction, ReviewStep, TargetState};
use shared::roles::Role;
use shared::targets::TargetIndicator;

use crate::ex_ante::entity as assessment;
use crate::experts::panel::{self, item, member};
use crate::experts::profile::{conflict, field};
use crate::ledger::entity as ledger;
use crate::organisations::entity as organisation;
use crate::projects::entity as project;
use crate::targets::{entity as target, review, revision};
use crate::users::entity as user;
use crate::years::entity as fiscal_year;

/// Who acts in the demo's history.
struct Actors {
    unit_user: i64,
    section: (i64, i64),
    performance: (i64, i64),
}

pub async fn seed(db: &impl ConnectionTrait, hash: &str, now: DateTime<Utc>) -> anyhow::Result<()> {
    let pool = org(db, "EXPERTS").await?;
    let experts = seed_experts(db, hash, pool, now).await?;
    let actors = Actors {
        unit_user: user_id(db, "dept_demo").await?,
        section: (user_id(db, "section_demo").await?, org(db, "S-JKW").await?),
        performance: (user_id(db, "perf_demo").await?, org(db, "S-JX").await?),
    };
    let y2025 = year(db, 2025).await?;
    let y2026 = year(db, 2026).await?;
    seed_2025(db, &actors, y2025, now).await?;
    seed_2026(db, &actors, y2026, &experts, now).await?;
    super::monitoring::seed(db, y2026, actors.performance.0, now).await?;
    Ok(())
}

async fn org(db: &impl ConnectionTrait, code: &str) -> anyhow::Result<i64> {
    let o = organisation::Entity::find().filter(organisation::Column::Code.eq(code)).one(db).await?;
    o.map(|o| o.id).ok_or_else(|| anyhow::anyhow!("no organisation {code}"))
}

async fn user_id(db: &impl ConnectionTrait, username: &str) -> anyhow::Result<i64> {
    let u = user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await?;
    u.map(|u| u.id).ok_or_else(|| anyhow::anyhow!("no user {username}"))
}

async fn year(db: &impl ConnectionTrait, y: i32) -> anyhow::Result<i64> {
    let row = fiscal_year::Entity::find().filter(fiscal_year::Column::Year.eq(y)).one(db).await?;
    row.map(|r| r.id).ok_or_else(|| anyhow::anyhow!("no year {y}"))
}

/// expert_demo and 24 more, two fields each; expert01 declared a conflict with 县教育局.
async fn seed_experts(
    db: &impl ConnectionTrait,
    hash: &str,
    pool: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<i64>> {
    const SURNAMES: &[&str] = &["陈", "林", "黄", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗"];
    let demo = user_id(db, "expert_demo").await?;
    let mut ids = vec![demo];
    for f in [Field::Education, Field::Infrastructure, Field::Agriculture] {
        field::ActiveModel { expert_id: Set(demo), field: Set(f.as_str().into()), ..Default::default() }
            .insert(db)
            .await?;
    }
    for i in 1..=24usize {
        let name = format!("{}专家{i:02}", SURNAMES[i % SURNAMES.len()]);
        let u = user::ActiveModel {
            username: Set(format!("expert{i:02}")),
            display_name: Set(name),
            password_hash: Set(hash.into()),
            role: Set(Role::Expert.as_str().into()),
            organisation_id: Set(pool),
            active: Set(true),
            failed_logins: Set(0),
            locked_until: Set(None),
            last_login_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for f in [Field::ALL[i % Field::ALL.len()], Field::ALL[(i + 3) % Field::ALL.len()]] {
            field::ActiveModel { expert_id: Set(u.id), field: Set(f.as_str().into()), ..Default::default() }
                .insert(db)
                .await?;
        }
        ids.push(u.id);
    }
    let education_bureau = org(db, "D-JKW-01").await?;
    conflict::ActiveModel { expert_id: Set(ids[1]), unit_id: Set(education_bureau), ..Default::default() }
        .insert(db)
        .await?;
    Ok(ids)
}

fn ind(level2: Level2, name: &str, comparator: Comparator, value: &str, unit: &str, weight: i64) -> TargetIndicator {
    TargetIndicator {
        level2,
        name: name.into(),
        comparator,
        target_value: value.into(),
        unit: unit.into(),
        weight: Decimal::from(weight),
        direction: Direction::Positive,
        scoring_standard: "完成目标值得满分，未完成按完成比例计分".into(),
        explanation: String::new(),
        source: IndicatorSource::Library,
        library_id: None,
    }
}

/// A complete indicator set (weights 90) named after the project.
fn indicators(project_name: &str) -> Vec<TargetIndicator> {
    vec![
        ind(Level2::Quantity, "项目实施任务完成数", Comparator::AtLeast, "12", "项", 20),
        ind(Level2::Quality, "项目验收合格率", Comparator::Equal, "100", "%", 15),
        ind(Level2::Timeliness, "资金拨付及时率", Comparator::AtLeast, "95", "%", 10),
        ind(Level2::OutputCost, "成本控制在预算内", Comparator::AtMost, "100", "%", 10),
        ind(
            Level2::Social,
            &format!("{}社会效益", project_name.chars().take(20).collect::<String>()),
            Comparator::Qualitative,
            "明显提升",
            "",
            20,
        ),
        ind(Level2::Sustainable, "长效管护机制建立", Comparator::Qualitative, "建立", "", 5),
        ind(Level2::ServiceSatisfaction, "服务对象满意度", Comparator::AtLeast, "90", "%", 10),
    ]
}

async fn insert_target(
    db: &impl ConnectionTrait,
    p: &project::Model,
    state: TargetState,
    revision_count: i32,
    list: &[TargetIndicator],
    submitter: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<target::Model> {
    let json = serde_json::to_string(list)?;
    let t = target::ActiveModel {
        project_id: Set(p.id),
        state: Set(state.as_str().into()),
        revision: Set(revision_count),
        overall_goal: Set(format!("按期完成{}，资金使用规范，服务对象满意", p.name)),
        indicators: Set(json.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for number in 1..=revision_count {
        revision::ActiveModel {
            target_id: Set(t.id),
            number: Set(number),
            overall_goal: Set(t.overall_goal.clone()),
            indicators: Set(json.clone()),
            submitted_by: Set(submitter),
            submitted_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(t)
}

#[allow(clippy::too_many_arguments)]
async fn step(
    db: &impl ConnectionTrait,
    t: &target::Model,
    revision: i32,
    s: ReviewStep,
    a: ReviewAction,
    who: (i64, i64),
    reasons: &str,
    adjust: Option<i64>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    review::ActiveModel {
        target_id: Set(t.id),
        revision: Set(revision),
        step: Set(s.as_str().into()),
        action: Set(a.as_str().into()),
        reasons: Set(reasons.into()),
        adjust_fen: Set(adjust),
        reviewer_id: Set(who.0),
        reviewer_org_id: Set(who.1),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn ledger_entry(
    db: &impl ConnectionTrait,
    project_id: i64,
    source: LedgerSource,
    kind: LedgerKind,
    fen: i64,
    decision: &str,
    by: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    ledger::ActiveModel {
        project_id: Set(project_id),
        source: Set(source.as_str().into()),
        kind: Set(kind.as_str().into()),
        amount_fen: Set(fen),
        decision: Set(decision.into()),
        decided_by: Set(by),
        decided_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

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

async fn seed_2025(db: &impl ConnectionTrait, a: &Actors, year_id: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
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

async fn seed_2026(
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
