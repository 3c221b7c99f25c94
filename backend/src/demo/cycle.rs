//! The demo county's performance cycle: the expert pool, 2025 (a finished
//! year shaped like the seed report: 8 projects assessed ex ante, 1 rejected
//! for 4000万, 4 deferred, 40% of reviewed targets returned, 18 projects'
//! budgets adjusted by 210.66万 in review) and 2026 (targets in every state,
//! panels and assessments in progress, so each role has work waiting).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::indicators::{Comparator, Direction, Field, IndicatorSource, Level2};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::reviews::{ReviewAction, ReviewStep, TargetState};
use shared::roles::Role;
use shared::targets::TargetIndicator;

use crate::experts::profile::{conflict, field};
use crate::ledger::entity as ledger;
use crate::organisations::entity as organisation;
use crate::projects::entity as project;
use crate::targets::{entity as target, review, revision};
use crate::users::entity as user;
use crate::years::entity as fiscal_year;

/// Who acts in the demo's history.
pub(super) struct Actors {
    pub(super) unit_user: i64,
    pub(super) section: (i64, i64),
    pub(super) performance: (i64, i64),
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
    super::year_2025::seed_2025(db, &actors, y2025, now).await?;
    super::year_2026::seed_2026(db, &actors, y2026, &experts, now).await?;
    super::monitoring::seed(db, y2026, actors.performance.0, now).await?;
    Ok(())
}

pub(super) async fn org(db: &impl ConnectionTrait, code: &str) -> anyhow::Result<i64> {
    let o = organisation::Entity::find().filter(organisation::Column::Code.eq(code)).one(db).await?;
    o.map(|o| o.id).ok_or_else(|| anyhow::anyhow!("no organisation {code}"))
}

pub(super) async fn user_id(db: &impl ConnectionTrait, username: &str) -> anyhow::Result<i64> {
    let u = user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await?;
    u.map(|u| u.id).ok_or_else(|| anyhow::anyhow!("no user {username}"))
}

pub(super) async fn year(db: &impl ConnectionTrait, y: i32) -> anyhow::Result<i64> {
    let row = fiscal_year::Entity::find().filter(fiscal_year::Column::Year.eq(y)).one(db).await?;
    row.map(|r| r.id).ok_or_else(|| anyhow::anyhow!("no year {y}"))
}

/// expert_demo and 24 more, two fields each; expert01 declared a conflict with 县教育局.
pub(super) async fn seed_experts(
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

pub(super) fn ind(
    level2: Level2,
    name: &str,
    comparator: Comparator,
    value: &str,
    unit: &str,
    weight: i64,
) -> TargetIndicator {
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
pub(super) fn indicators(project_name: &str) -> Vec<TargetIndicator> {
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

pub(super) async fn insert_target(
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
pub(super) async fn step(
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
pub(super) async fn ledger_entry(
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
