//! The demo county (云岭县, fictional), loaded into an empty database on first
//! start: the finance bureau's sections, ~185 departments, 13 townships, an
//! expert pool, two evaluation firms, the leadership, two fiscal years with a
//! few hundred projects across the four budgets, and one user per role.
//!
//! Deterministic: the same data on every machine.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};
use shared::organisations::OrgKind;
use shared::projects::{BudgetType, ProjectKind};
use shared::roles::Role;
use shared::years::YearStatus;

mod county;
mod cycle;
mod monitoring;
mod year_2025;
mod year_2026;

use crate::config::HashCost;
use crate::organisations::entity as organisation;
use crate::projects::entity as project;
use crate::sessions::password;
use crate::users::entity as user;
use crate::years::entity as fiscal_year;
use county::{DEPARTMENTS, PROJECT_STEMS, SECTIONS, SUB_UNITS, TOWNSHIP_BRANCHES, TOWNSHIP_STEMS, TOWNSHIPS};

/// The password of every demo user (listed in the README).
pub const DEMO_PASSWORD: &str = "Demo@2026";

/// Demo users: (username, display name, role, organisation code).
pub const DEMO_USERS: &[(&str, &str, Role, &str)] = &[
    ("dept_demo", "王老师（县教育局）", Role::Department, "D-JKW-01"),
    ("town_demo", "李镇长（城关镇）", Role::Township, "T-01"),
    ("section_demo", "张股长（教科文股）", Role::FinanceSection, "S-JKW"),
    ("perf_demo", "刘股长（绩效股）", Role::FinanceSection, "S-JX"),
    ("expert_demo", "陈教授（评审专家）", Role::Expert, "EXPERTS"),
    ("firm_demo", "赵经理（蜀衡绩效）", Role::Evaluator, "FIRM-01"),
    ("leader_demo", "周县长", Role::Leadership, "LEADERS"),
    ("admin_demo", "系统管理员", Role::Admin, "S-JX"),
    ("security_demo", "安全管理员", Role::SecurityAdmin, "S-JX"),
    ("auditor_demo", "审计管理员", Role::AuditAdmin, "S-JX"),
];

/// A tiny deterministic generator (64-bit LCG) so the demo is the same everywhere.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct Unit {
    id: i64,
    name: String,
    section: &'static str,
    kind: OrgKind,
    primary: bool,
}

/// Loads the demo county unless the database already has organisations.
pub async fn seed_if_empty<C: ConnectionTrait + TransactionTrait>(db: &C, cost: HashCost) -> anyhow::Result<()> {
    if organisation::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    tracing::info!("loading the demo county");
    let txn = crate::tx::begin(db).await?;
    let now = Utc::now();
    let mut next_code = 0u32;

    let mut section_ids = std::collections::HashMap::new();
    for (code, name) in SECTIONS {
        let id = insert_org(&txn, now, OrgKind::BusinessSection, &format!("S-{code}"), name, None, None).await?;
        section_ids.insert(*code, id);
    }
    insert_org(&txn, now, OrgKind::PerformanceSection, "S-JX", "绩效股", None, None).await?;
    insert_org(&txn, now, OrgKind::ExpertPool, "EXPERTS", "云岭县预算绩效评审专家库", None, None).await?;
    insert_org(&txn, now, OrgKind::EvaluationFirm, "FIRM-01", "蜀衡绩效咨询有限公司", None, None).await?;
    insert_org(&txn, now, OrgKind::EvaluationFirm, "FIRM-02", "川信会计师事务所（特殊普通合伙）", None, None).await?;
    insert_org(&txn, now, OrgKind::Leadership, "LEADERS", "云岭县人民政府（县领导）", None, None).await?;

    let mut units: Vec<Unit> = Vec::new();
    for (section, names) in DEPARTMENTS {
        for (i, name) in names.iter().enumerate() {
            let code = format!("D-{section}-{:02}", i + 1);
            let id = insert_org(&txn, now, OrgKind::Department, &code, name, None, Some(section_ids[section])).await?;
            units.push(Unit { id, name: (*name).into(), section, kind: OrgKind::Department, primary: true });
        }
    }
    let parent_of = |units: &[Unit], name: &str| units.iter().find(|u| u.name == name).map(|u| (u.id, u.section));
    let mut subs: Vec<(String, &str)> = Vec::new();
    for (parent, names) in SUB_UNITS {
        subs.extend(names.iter().map(|n| ((*n).to_string(), *parent)));
    }
    for (parent, suffix) in TOWNSHIP_BRANCHES {
        subs.extend(TOWNSHIPS.iter().map(|t| (format!("{t}{suffix}"), *parent)));
    }
    for (name, parent) in subs {
        let (parent_id, section) = parent_of(&units, parent).ok_or_else(|| anyhow::anyhow!("no parent {parent}"))?;
        next_code += 1;
        let code = format!("D-SUB-{next_code:03}");
        let id = insert_org(&txn, now, OrgKind::Department, &code, &name, Some(parent_id), Some(section_ids[section]))
            .await?;
        units.push(Unit { id, name, section, kind: OrgKind::Department, primary: false });
    }
    for (i, name) in TOWNSHIPS.iter().enumerate() {
        let code = format!("T-{:02}", i + 1);
        let id = insert_org(&txn, now, OrgKind::Township, &code, name, None, Some(section_ids["NY"])).await?;
        units.push(Unit { id, name: (*name).into(), section: "NY", kind: OrgKind::Township, primary: true });
    }

    let y2025 = insert_year(&txn, now, 2025, YearStatus::FinalAccounts).await?;
    let y2026 = insert_year(&txn, now, 2026, YearStatus::Executing).await?;
    let mut rng = Lcg(2026);
    let mut rows = Vec::new();
    for (year_id, year, share) in [(y2025, 2025, 4u64), (y2026, 2026, 10u64)] {
        let mut serial = 0u32;
        for unit in &units {
            // Primary units always have projects; sub-units some of the time.
            let count = if unit.primary { 1 + rng.below(4) } else { rng.below(3) };
            let count = if rng.below(10) < share { count } else { 0 };
            let stems: &[&str] = if unit.kind == OrgKind::Township {
                TOWNSHIP_STEMS
            } else {
                PROJECT_STEMS.iter().find(|(s, _)| *s == unit.section).map(|(_, s)| *s).unwrap_or(TOWNSHIP_STEMS)
            };
            for n in 0..count {
                serial += 1;
                let stem = stems[usize::try_from(rng.below(stems.len() as u64)).unwrap_or(0)];
                let budget_type = pick_budget_type(&mut rng, unit.section);
                let requested_fen = i64::try_from((50_000 + rng.below(4_950_000)) * 100 + rng.below(100)).unwrap_or(0);
                let approved_fen = (rng.below(10) < 9)
                    .then(|| requested_fen - requested_fen * i64::try_from(rng.below(21)).unwrap_or(0) / 100);
                let (kind, name) = if unit.primary && n == 0 && unit.kind == OrgKind::Department && rng.below(3) == 0 {
                    (ProjectKind::UnitOverall, format!("{}{year}年部门整体支出", unit.name))
                } else if unit.primary && rng.below(25) == 0 {
                    (ProjectKind::Policy, format!("{}{stem}政策", unit.name))
                } else {
                    (ProjectKind::Project, format!("{}{stem}项目", unit.name))
                };
                rows.push(project::ActiveModel {
                    year_id: Set(year_id),
                    unit_id: Set(unit.id),
                    code: Set(format!("XM{year}-{serial:04}")),
                    name: Set(name),
                    kind: Set(kind.as_str().into()),
                    budget_type: Set(budget_type.as_str().into()),
                    requested_fen: Set(requested_fen),
                    approved_fen: Set(approved_fen),
                    is_new: Set(rng.below(10) < 3),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                });
            }
        }
    }
    for chunk in rows.chunks(200) {
        project::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }

    let hash = password::hash(DEMO_PASSWORD, cost)?;
    for (username, display_name, role, org_code) in DEMO_USERS {
        let org = organisation::Entity::find()
            .filter(organisation::Column::Code.eq(*org_code))
            .one(&txn)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no organisation {org_code}"))?;
        user::ActiveModel {
            username: Set((*username).into()),
            display_name: Set((*display_name).into()),
            password_hash: Set(hash.clone()),
            role: Set(role.as_str().into()),
            organisation_id: Set(org.id),
            active: Set(true),
            failed_logins: Set(0),
            locked_until: Set(None),
            last_login_at: Set(None),
            created_at: Set(now),
            role_granted: Set(true),
            must_change_password: Set(false),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    crate::indicators::starter::seed_demo_proposals(&txn).await?;
    cycle::seed(&txn, &hash, now).await?;
    txn.commit().await?;
    tracing::info!(units = units.len(), projects = rows.len(), "demo county loaded");
    Ok(())
}

fn pick_budget_type(rng: &mut Lcg, section: &str) -> BudgetType {
    let roll = rng.below(100);
    match section {
        "SB" if roll < 45 => BudgetType::SocialInsurance,
        "JJ" if roll < 35 => BudgetType::GovernmentFund,
        "JJ" if roll < 45 => BudgetType::StateCapital,
        _ if roll < 8 => BudgetType::GovernmentFund,
        _ if roll < 10 => BudgetType::StateCapital,
        _ => BudgetType::GeneralPublic,
    }
}

async fn insert_org(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    kind: OrgKind,
    code: &str,
    name: &str,
    parent_id: Option<i64>,
    section_id: Option<i64>,
) -> anyhow::Result<i64> {
    let org = organisation::ActiveModel {
        kind: Set(kind.as_str().into()),
        code: Set(code.into()),
        name: Set(name.into()),
        parent_id: Set(parent_id),
        section_id: Set(section_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(org.id)
}

async fn insert_year(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    year: i32,
    status: YearStatus,
) -> anyhow::Result<i64> {
    let row = fiscal_year::ActiveModel {
        year: Set(year),
        status: Set(status.as_str().into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}
