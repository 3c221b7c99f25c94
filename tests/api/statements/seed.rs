//! 100 rows of everything a list shows, each row with its relations filled
//! (a unit with parent and section, a user, a proposed indicator, a project
//! with a target, an ex-ante assessment, a ledger entry, a monitoring report
//! with two indicator reports and a decision, an expert with fields and
//! conflicts, a panel with two members and an item (target and assessment) with an opinion).
//! Inserted directly: the statement counts need shapes, not a history.

use backend::ex_ante::entity as assessment;
use backend::experts::opinion;
use backend::experts::panel::{self, item, member};
use backend::experts::profile::{conflict, field};
use backend::indicators::entity as library;
use backend::ledger::entity as ledger;
use backend::monitoring::decisions::entity as decision;
use backend::monitoring::reports::{entity as report, indicator};
use backend::monitoring::rounds::{entity as round, unit as round_unit};
use backend::organisations::entity as organisation;
use backend::projects::entity as project;
use backend::targets::entity as target;
use backend::users::entity as user;
use chrono::Utc;
use jixiao_tests::{Actor, TestApp};
use sea_orm::{ActiveModelTrait, Set};
use shared::organisations::OrgKind;
use shared::roles::Role;

/// What the lists are asked about.
pub struct Seeded {
    pub round: i64,
}

const INDICATORS: &str = r#"[{"level2":"QUANTITY","name":"受益人数","comparator":"AT_LEAST","targetValue":"1200","unit":"人","weight":"60","direction":"POSITIVE","scoringStandard":"按比例","explanation":"","source":"LIBRARY","libraryId":null},{"level2":"SOCIAL","name":"群众生活改善","comparator":"QUALITATIVE","targetValue":"明显改善","unit":"","weight":"30","direction":"POSITIVE","scoringStandard":"定性","explanation":"","source":"LIBRARY","libraryId":null}]"#;

pub async fn rows(app: &TestApp, n: usize) -> Seeded {
    let db = &app.db;
    let f = &app.fixture;
    let now = Utc::now();
    let perf = f.user_id(Actor::Performance);
    let expert = f.user_id(Actor::Expert);
    let round = round::ActiveModel {
        year_id: Set(f.year),
        month: Set(9),
        due_date: Set("2099-12-31".into()),
        rule: Set("ratio".into()),
        light_rules: Set(None),
        status: Set("open".into()),
        created_by: Set(perf),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    for i in 0..n {
        let unit = organisation::ActiveModel {
            kind: Set(OrgKind::Department.as_str().into()),
            code: Set(format!("SU{i:03}")),
            name: Set(format!("测试单位{i:03}")),
            parent_id: Set(Some(f.d2)),
            section_id: Set(Some(f.section_b)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        let person = |name: String, role: Role, org: i64| user::ActiveModel {
            username: Set(name.clone()),
            display_name: Set(name),
            password_hash: Set("x".into()),
            role: Set(role.as_str().into()),
            organisation_id: Set(org),
            active: Set(true),
            failed_logins: Set(0),
            locked_until: Set(None),
            last_login_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        };
        person(format!("su{i:03}"), Role::Department, unit).insert(db).await.unwrap();
        let expert_i = person(format!("ex{i:03}"), Role::Expert, f.expert_pool).insert(db).await.unwrap().id;
        field::ActiveModel { expert_id: Set(expert_i), field: Set("education".into()), ..Default::default() }
            .insert(db)
            .await
            .unwrap();
        for u in [unit, f.d1] {
            conflict::ActiveModel { expert_id: Set(expert_i), unit_id: Set(u), ..Default::default() }
                .insert(db)
                .await
                .unwrap();
        }
        library::ActiveModel {
            level2: Set("quantity".into()),
            field: Set("education".into()),
            name: Set(format!("特性指标{i:03}")),
            comparator: Set(">=".into()),
            unit: Set("人".into()),
            reference_value: Set("100".into()),
            scoring_standard: Set("按比例".into()),
            direction: Set("positive".into()),
            source: Set("characteristic".into()),
            status: Set("proposed".into()),
            proposed_by_org_id: Set(Some(unit)),
            refusal_reason: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let p = project::ActiveModel {
            year_id: Set(f.year),
            unit_id: Set(unit),
            code: Set(format!("SP{i:03}")),
            name: Set(format!("测试项目{i:03}")),
            kind: Set("project".into()),
            budget_type: Set("general_public".into()),
            requested_fen: Set(10_000_000),
            approved_fen: Set(Some(10_000_000)),
            is_new: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        let t = target::ActiveModel {
            project_id: Set(p),
            state: Set("pending_recheck".into()),
            revision: Set(1),
            overall_goal: Set("目标".into()),
            indicators: Set(INDICATORS.into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        let a = assessment::ActiveModel {
            project_id: Set(p),
            assessor_kind: Set("firm".into()),
            firm_id: Set(Some(f.firm)),
            state: Set("in_progress".into()),
            scores: Set(None),
            total_score: Set(None),
            conclusion: Set(None),
            cut_fen: Set(None),
            preconditions: Set(String::new()),
            opinion: Set(String::new()),
            created_by: Set(perf),
            created_at: Set(now),
            concluded_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        let panel = panel::ActiveModel {
            year_id: Set(f.year),
            purpose: Set("target_review".into()),
            field: Set("education".into()),
            created_by: Set(perf),
            created_at: Set(now),
            conclusion: Set(None),
            concluded_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        for e in [expert, expert_i] {
            member::ActiveModel { panel_id: Set(panel), expert_id: Set(e), ..Default::default() }
                .insert(db)
                .await
                .unwrap();
        }
        // One item carrying both a target and an assessment, so that every
        // row of a page has every relation.
        let it = item::ActiveModel {
            panel_id: Set(panel),
            target_id: Set(Some(t)),
            assessment_id: Set(Some(a)),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        opinion::ActiveModel {
            panel_item_id: Set(it),
            expert_id: Set(expert),
            score: Set(Some("85".into())),
            dimension_scores: Set(None),
            opinion: Set("同意".into()),
            at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        ledger::ActiveModel {
            project_id: Set(p),
            source: Set("monitoring".into()),
            kind: Set("reduce".into()),
            amount_fen: Set(100),
            decision: Set("调减".into()),
            decided_by: Set(perf),
            decided_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        round_unit::ActiveModel {
            round_id: Set(round),
            unit_id: Set(unit),
            submitted_at: Set(Some(now)),
            reviewed_at: Set(None),
            reviewed_by: Set(None),
            review_note: Set(String::new()),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let r = report::ActiveModel {
            round_id: Set(round),
            project_id: Set(p),
            unit_id: Set(unit),
            executed_fen: Set(5_000_000),
            execution_rate: Set("50.00".into()),
            execution_light: Set("red".into()),
            light: Set("red".into()),
            reported_by: Set(perf),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        for position in 0..2 {
            indicator::ActiveModel {
                project_report_id: Set(r),
                position: Set(position),
                name: Set("受益人数".into()),
                actual: Set(Some("600".into())),
                qualitative: Set(None),
                likelihood: Set("certain".into()),
                forecast: Set(None),
                reasons: Set(String::new()),
                measures: Set(String::new()),
                light: Set("green".into()),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
        }
        decision::ActiveModel {
            round_id: Set(round),
            project_id: Set(p),
            kind: Set("continue".into()),
            amount_fen: Set(None),
            note: Set(String::new()),
            decided_by: Set(perf),
            decided_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    Seeded { round }
}
