//! A small county with one of everything the authorisation rules tell apart:
//! two business sections each with a department and a township, a sub-unit,
//! the 绩效股, the expert pool, a firm, the leadership; an open and a closed
//! year; one project per unit.

use backend::config::HashCost;
use backend::organisations::entity as organisation;
use backend::projects::entity as project;
use backend::sessions::password;
use backend::users::entity as user;
use backend::years::entity as fiscal_year;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, Set};
use shared::organisations::OrgKind;
use shared::roles::Role;
use shared::years::YearStatus;

/// Every fixture user's password.
pub const PASSWORD: &str = "Test@2026pw";

/// The fixture's users, one per role (two for finance sections, three administrators).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// Department user of D1 (section A).
    Department,
    /// Township user of T1 (section A).
    Township,
    /// Business section A (业务股室): D1, D1's sub-unit and T1.
    Section,
    /// 绩效股: the county.
    Performance,
    Expert,
    Evaluator,
    Leadership,
    /// 系统管理员.
    Admin,
    /// 安全管理员.
    SecurityAdmin,
    /// 审计管理员.
    AuditAdmin,
}

impl Actor {
    pub const ALL: [Actor; 10] = [
        Actor::Department,
        Actor::Township,
        Actor::Section,
        Actor::Performance,
        Actor::Expert,
        Actor::Evaluator,
        Actor::Leadership,
        Actor::Admin,
        Actor::SecurityAdmin,
        Actor::AuditAdmin,
    ];

    pub fn username(self) -> &'static str {
        match self {
            Actor::Department => "dept1",
            Actor::Township => "town1",
            Actor::Section => "section_a",
            Actor::Performance => "perf",
            Actor::Expert => "expert",
            Actor::Evaluator => "firm",
            Actor::Leadership => "leader",
            Actor::Admin => "admin",
            Actor::SecurityAdmin => "security",
            Actor::AuditAdmin => "auditor",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Fixture {
    pub section_a: i64,
    pub section_b: i64,
    pub performance: i64,
    pub expert_pool: i64,
    pub firm: i64,
    pub leadership: i64,
    /// Department in section A.
    pub d1: i64,
    /// Sub-unit of D1.
    pub d1_sub: i64,
    /// Department in section B.
    pub d2: i64,
    /// Township in section A.
    pub t1: i64,
    /// Township in section B.
    pub t2: i64,
    /// Open (执行) year.
    pub year: i64,
    /// Closed (关闭) year.
    pub closed_year: i64,
    pub p_d1: i64,
    pub p_d1_sub: i64,
    pub p_d2: i64,
    pub p_t1: i64,
    pub p_t2: i64,
    /// A project of D1 in the closed year.
    pub p_closed: i64,
    pub users: Vec<(Actor, i64)>,
}

impl Fixture {
    pub fn empty() -> Self {
        Fixture::default()
    }

    pub fn user_id(&self, actor: Actor) -> i64 {
        self.users.iter().find(|(a, _)| *a == actor).map(|(_, id)| *id).expect("fixture user")
    }

    /// The unit a role-scoped actor calls its own, and one it must not reach.
    pub fn own_unit(&self, actor: Actor) -> i64 {
        match actor {
            Actor::Township => self.t1,
            _ => self.d1,
        }
    }

    pub fn other_unit(&self, actor: Actor) -> i64 {
        match actor {
            Actor::Township => self.t2,
            _ => self.d2,
        }
    }

    pub fn project_of(&self, unit: i64) -> i64 {
        [
            (self.d1, self.p_d1),
            (self.d1_sub, self.p_d1_sub),
            (self.d2, self.p_d2),
            (self.t1, self.p_t1),
            (self.t2, self.p_t2),
        ]
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, p)| *p)
        .expect("fixture project")
    }

    pub async fn load(db: &DatabaseConnection) -> Fixture {
        let mut f = Fixture::empty();
        f.section_a = org(db, OrgKind::BusinessSection, "S-A", "教科文股", None, None).await;
        f.section_b = org(db, OrgKind::BusinessSection, "S-B", "经济建设股", None, None).await;
        f.performance = org(db, OrgKind::PerformanceSection, "S-JX", "绩效股", None, None).await;
        f.expert_pool = org(db, OrgKind::ExpertPool, "EXPERTS", "专家库", None, None).await;
        f.firm = org(db, OrgKind::EvaluationFirm, "FIRM", "评价公司", None, None).await;
        f.leadership = org(db, OrgKind::Leadership, "LEAD", "县领导", None, None).await;
        f.d1 = org(db, OrgKind::Department, "D1", "县教育局", None, Some(f.section_a)).await;
        f.d1_sub = org(db, OrgKind::Department, "D1-SUB", "县第一中学", Some(f.d1), Some(f.section_a)).await;
        f.d2 = org(db, OrgKind::Department, "D2", "县交通运输局", None, Some(f.section_b)).await;
        f.t1 = org(db, OrgKind::Township, "T1", "城关镇", None, Some(f.section_a)).await;
        f.t2 = org(db, OrgKind::Township, "T2", "东河镇", None, Some(f.section_b)).await;
        f.year = year(db, 2026, YearStatus::Executing).await;
        f.closed_year = year(db, 2024, YearStatus::Closed).await;
        f.p_d1 = add_project(db, f.year, f.d1, "P-D1", None).await;
        f.p_d1_sub = add_project(db, f.year, f.d1_sub, "P-D1-SUB", None).await;
        f.p_d2 = add_project(db, f.year, f.d2, "P-D2", None).await;
        f.p_t1 = add_project(db, f.year, f.t1, "P-T1", None).await;
        f.p_t2 = add_project(db, f.year, f.t2, "P-T2", None).await;
        f.p_closed = add_project(db, f.closed_year, f.d1, "P-OLD", Some(10_000)).await;
        let hash = password::hash(PASSWORD, HashCost::TEST).expect("hash");
        for (actor, role, org_id) in [
            (Actor::Department, Role::Department, f.d1),
            (Actor::Township, Role::Township, f.t1),
            (Actor::Section, Role::FinanceSection, f.section_a),
            (Actor::Performance, Role::FinanceSection, f.performance),
            (Actor::Expert, Role::Expert, f.expert_pool),
            (Actor::Evaluator, Role::Evaluator, f.firm),
            (Actor::Leadership, Role::Leadership, f.leadership),
            (Actor::Admin, Role::Admin, f.performance),
            (Actor::SecurityAdmin, Role::SecurityAdmin, f.performance),
            (Actor::AuditAdmin, Role::AuditAdmin, f.performance),
        ] {
            let id = add_user(db, actor.username(), role, org_id, &hash).await;
            f.users.push((actor, id));
        }
        f
    }
}

async fn org(
    db: &DatabaseConnection,
    kind: OrgKind,
    code: &str,
    name: &str,
    parent: Option<i64>,
    section: Option<i64>,
) -> i64 {
    organisation::ActiveModel {
        kind: Set(kind.as_str().into()),
        code: Set(code.into()),
        name: Set(name.into()),
        parent_id: Set(parent),
        section_id: Set(section),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert organisation")
    .id
}

pub async fn year(db: &DatabaseConnection, year: i32, status: YearStatus) -> i64 {
    fiscal_year::ActiveModel {
        year: Set(year),
        status: Set(status.as_str().into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert year")
    .id
}

/// Inserts a project directly (not through the API), 10,000.00 元 requested.
pub async fn add_project(
    db: &DatabaseConnection,
    year_id: i64,
    unit_id: i64,
    code: &str,
    approved_fen: Option<i64>,
) -> i64 {
    let now = Utc::now();
    project::ActiveModel {
        year_id: Set(year_id),
        unit_id: Set(unit_id),
        code: Set(code.into()),
        name: Set(format!("{code} 项目")),
        kind: Set("project".into()),
        budget_type: Set("general_public".into()),
        requested_fen: Set(1_000_000),
        approved_fen: Set(approved_fen),
        is_new: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert project")
    .id
}

pub async fn add_user(db: &DatabaseConnection, username: &str, role: Role, org_id: i64, hash: &str) -> i64 {
    user::ActiveModel {
        username: Set(username.into()),
        display_name: Set(format!("{username} 用户")),
        password_hash: Set(hash.into()),
        role: Set(role.as_str().into()),
        organisation_id: Set(org_id),
        active: Set(true),
        failed_logins: Set(0),
        locked_until: Set(None),
        last_login_at: Set(None),
        created_at: Set(Utc::now()),
        role_granted: Set(true),
        must_change_password: Set(false),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert user")
    .id
}

/// A department user of `unit` as the 系统管理员 leaves it: a one-time
/// password (the fixture's) and a role awaiting the 安全管理员's grant.
pub async fn pending_user(db: &DatabaseConnection, username: &str, unit: i64) -> i64 {
    let hash = password::hash(PASSWORD, HashCost::TEST).expect("hash");
    let id = add_user(db, username, Role::Department, unit, &hash).await;
    let user = user::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(id),
        role_granted: Set(false),
        must_change_password: Set(true),
        ..Default::default()
    };
    user.update(db).await.expect("mark the user pending");
    id
}

/// Puts a user's password back directly (after a test changed it).
pub async fn set_password(db: &DatabaseConnection, user_id: i64, new_password: &str) {
    let user = user::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(user_id),
        password_hash: Set(password::hash(new_password, HashCost::TEST).expect("hash")),
        must_change_password: Set(false),
        ..Default::default()
    };
    user.update(db).await.expect("set the password");
}

/// An approved project of `unit` (budget 100,000.00) with an approved target
/// whose first indicator is 受益人数 ≥ 1200 人 and second a qualitative one.
pub async fn approved_project(app: &crate::TestApp, unit: i64, code: &str) -> i64 {
    let p = add_project(&app.db, app.fixture.year, unit, code, Some(10_000_000)).await;
    app.db.execute_unprepared(&format!("UPDATE project SET requested_fen = 10000000 WHERE id = {p}")).await.unwrap();
    let indicators = serde_json::json!([
        { "level2": "QUANTITY", "name": "受益人数", "comparator": "AT_LEAST", "targetValue": "1200", "unit": "人", "weight": "60",
          "direction": "POSITIVE", "scoringStandard": "按比例", "explanation": "", "source": "LIBRARY", "libraryId": null },
        { "level2": "SOCIAL", "name": "群众生活改善", "comparator": "QUALITATIVE", "targetValue": "明显改善", "unit": "", "weight": "30",
          "direction": "POSITIVE", "scoringStandard": "定性", "explanation": "", "source": "LIBRARY", "libraryId": null }
    ]);
    backend::targets::entity::ActiveModel {
        project_id: Set(p),
        state: Set("approved".into()),
        revision: Set(1),
        overall_goal: Set("目标".into()),
        indicators: Set(indicators.to_string()),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    p
}
