//! Rows and runners of issue 3's operations: targets and the review chain,
//! experts and panels, ex-ante assessments, the ledger and statistics.
//! Mutating cells work on fresh rows inserted for the cell, so the order of
//! cells does not matter.

use std::sync::atomic::{AtomicU32, Ordering};

use backend::ex_ante::entity as assessment;
use backend::experts::{opinion, panel, profile};
use backend::ledger::entity as ledger;
use backend::targets::entity as target;
use chrono::Utc;
use jixiao_tests::{Actor, Gql, TestApp, fixture};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use super::Want::*;
use super::{ADMIN_ONLY, COUNTY_READERS, PERF_ONLY, Row, Want};

const PERF_OR_ADMIN: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden];
const EXPERT_ONLY: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden];
const FIRM_ONLY: [Want; 10] =
    [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden];

pub const ROWS: &[Row] = &[
    ("targetRules", [Ok; 10], [Ok; 10]),
    ("ruleSettings", [Ok; 10], [Ok; 10]),
    ("setRuleSetting", ADMIN_ONLY, ADMIN_ONLY),
    (
        "target",
        [Ok, Ok, Ok, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, NotFound, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
    ),
    (
        "targets",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        [Hidden, Hidden, Hidden, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
    ),
    (
        "reviewQueue",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    ("experts", PERF_OR_ADMIN, PERF_OR_ADMIN),
    (
        "panels",
        [Forbidden, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [Forbidden, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    ("myPanelItems", EXPERT_ONLY, EXPERT_ONLY),
    (
        "exAnteAssessments",
        [Ok, Ok, Ok, Ok, Hidden, Ok, Ok, Forbidden, Forbidden, Forbidden],
        [Hidden, Hidden, Hidden, Ok, Hidden, Ok, Ok, Forbidden, Forbidden, Forbidden],
    ),
    (
        "ledgerEntries",
        [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        [Hidden, Hidden, Hidden, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
    ),
    ("ledgerSummary", COUNTY_READERS, COUNTY_READERS),
    ("targetStatistics", COUNTY_READERS, COUNTY_READERS),
    (
        "saveTarget",
        [Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "submitTarget",
        [Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "reviewTarget",
        [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [Forbidden, Forbidden, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    ("setExpertProfile", PERF_OR_ADMIN, PERF_OR_ADMIN),
    ("formPanel", PERF_ONLY, PERF_ONLY),
    ("submitOpinion", EXPERT_ONLY, EXPERT_ONLY),
    ("concludePanel", PERF_ONLY, PERF_ONLY),
    ("startExAnte", PERF_ONLY, PERF_ONLY),
    ("submitExAnteScores", FIRM_ONLY, FIRM_ONLY),
    ("concludeExAnte", PERF_ONLY, PERF_ONLY),
];

static SERIAL: AtomicU32 = AtomicU32::new(0);

fn indicators_json() -> String {
    let list = super::super::targets::good_indicators();
    // The API's input shape is the stored shape, with weights as decimal strings.
    serde_json::to_string(&list).expect("json")
}

/// A fresh project of `unit` with a target in `state`.
async fn project_with_target(app: &TestApp, unit: i64, state: &str) -> (i64, i64) {
    let n = SERIAL.fetch_add(1, Ordering::Relaxed);
    let project = fixture::add_project(&app.db, app.fixture.year, unit, &format!("TM-{n}"), None).await;
    let now = Utc::now();
    let t = target::ActiveModel {
        project_id: Set(project),
        state: Set(state.into()),
        revision: Set(i32::from(state != "draft")),
        overall_goal: Set("保障营养餐供应".into()),
        indicators: Set(indicators_json()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("insert target");
    (project, t.id)
}

/// An assessment of a fresh project of `unit`, commissioned to the fixture firm.
async fn assessment_in(app: &TestApp, unit: i64, state: &str, kind: &str) -> i64 {
    let n = SERIAL.fetch_add(1, Ordering::Relaxed);
    let project = fixture::add_project(&app.db, app.fixture.year, unit, &format!("EM-{n}"), None).await;
    let scored = state != "in_progress";
    assessment::ActiveModel {
        project_id: Set(project),
        assessor_kind: Set(kind.into()),
        firm_id: Set((kind == "firm").then_some(app.fixture.firm)),
        state: Set(state.into()),
        scores: Set(scored.then(|| "[\"18\",\"16\",\"17\",\"15\",\"19\"]".into())),
        total_score: Set(scored.then(|| "85".into())),
        conclusion: Set(None),
        cut_fen: Set(None),
        preconditions: Set(String::new()),
        opinion: Set(String::new()),
        created_by: Set(app.fixture.user_id(Actor::Performance)),
        created_at: Set(Utc::now()),
        concluded_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("insert assessment")
    .id
}

/// A panel with the fixture expert on it, reviewing a fresh target of `unit`.
async fn panel_with_item(app: &TestApp, unit: i64, with_opinion: bool) -> (i64, i64) {
    let (_, target_id) = project_with_target(app, unit, "pending_expert").await;
    let p = panel::ActiveModel {
        year_id: Set(app.fixture.year),
        purpose: Set("target_review".into()),
        field: Set("education".into()),
        created_by: Set(app.fixture.user_id(Actor::Performance)),
        created_at: Set(Utc::now()),
        conclusion: Set(None),
        concluded_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("panel");
    let expert = app.fixture.user_id(Actor::Expert);
    panel::member::ActiveModel { panel_id: Set(p.id), expert_id: Set(expert), ..Default::default() }
        .insert(&app.db)
        .await
        .expect("member");
    let item = panel::item::ActiveModel {
        panel_id: Set(p.id),
        target_id: Set(Some(target_id)),
        assessment_id: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("item");
    if with_opinion {
        opinion::ActiveModel {
            panel_item_id: Set(item.id),
            expert_id: Set(expert),
            score: Set(Some("90".into())),
            dimension_scores: Set(None),
            opinion: Set("同意".into()),
            at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .expect("opinion");
    }
    (p.id, item.id)
}

/// The fixture expert covers education, so a panel of one can be drawn.
async fn ensure_expert_profile(app: &TestApp) {
    let expert = app.fixture.user_id(Actor::Expert);
    let exists = profile::field::Entity::find()
        .filter(profile::field::Column::ExpertId.eq(expert))
        .one(&app.db)
        .await
        .expect("query");
    if exists.is_none() {
        profile::field::ActiveModel { expert_id: Set(expert), field: Set("education".into()), ..Default::default() }
            .insert(&app.db)
            .await
            .expect("field");
    }
}

pub async fn run(
    app: &TestApp,
    op: &str,
    actor: Actor,
    token: Option<&str>,
    unit: i64,
) -> Option<(Gql, Option<String>)> {
    let f = &app.fixture;
    let year = f.year.to_string();
    let res = match op {
        "targetRules" => (app.gql(token, "{ targetRules { weightTotal } }", json!({})).await, None),
        "ruleSettings" => (app.gql(token, "{ ruleSettings { key value } }", json!({})).await, None),
        "setRuleSetting" => {
            let q = "mutation { setRuleSetting(key: \"ex_ante.continuing_threshold\", value: \"5000000\") { value } }";
            (app.gql(token, q, json!({})).await, None)
        }
        "target" => {
            let (project, _) = project_with_target(app, unit, "draft").await;
            (
                app.gql(token, "query($p: ID!) { target(projectId: $p) { id } }", json!({ "p": project.to_string() }))
                    .await,
                None,
            )
        }
        "targets" => {
            let (_, t) = project_with_target(app, unit, "draft").await;
            let q = "query($y: ID!, $u: ID) { targets(yearId: $y, unitId: $u, first: 100) { edges { node { id } } } }";
            (app.gql(token, q, json!({ "y": year, "u": unit.to_string() })).await, Some(t.to_string()))
        }
        "reviewQueue" => (app.gql(token, "{ reviewQueue { totalCount } }", json!({})).await, None),
        "experts" => (app.gql(token, "{ experts { totalCount } }", json!({})).await, None),
        "panels" => {
            (app.gql(token, "query($y: ID!) { panels(yearId: $y) { totalCount } }", json!({ "y": year })).await, None)
        }
        "myPanelItems" => (app.gql(token, "{ myPanelItems { totalCount } }", json!({})).await, None),
        "exAnteAssessments" => {
            let a = assessment_in(app, unit, "in_progress", "firm").await;
            let q = "query($y: ID!) { exAnteAssessments(yearId: $y, first: 100) { edges { node { id } } } }";
            (app.gql(token, q, json!({ "y": year })).await, Some(a.to_string()))
        }
        "ledgerEntries" => {
            let n = SERIAL.fetch_add(1, Ordering::Relaxed);
            let project = fixture::add_project(&app.db, f.year, unit, &format!("LM-{n}"), None).await;
            let entry = ledger::ActiveModel {
                project_id: Set(project),
                source: Set("monitoring".into()),
                kind: Set("reduce".into()),
                amount_fen: Set(100),
                decision: Set("调减".into()),
                decided_by: Set(f.user_id(Actor::Performance)),
                decided_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .expect("ledger entry");
            let q = "query($y: ID!) { ledgerEntries(yearId: $y, first: 100) { edges { node { id } } } }";
            (app.gql(token, q, json!({ "y": year })).await, Some(entry.id.to_string()))
        }
        "ledgerSummary" => {
            (app.gql(token, "query($y: ID!) { ledgerSummary(yearId: $y) { total } }", json!({ "y": year })).await, None)
        }
        "targetStatistics" => (
            app.gql(token, "query($y: ID!) { targetStatistics(yearId: $y) { targetsReviewed } }", json!({ "y": year }))
                .await,
            None,
        ),
        "saveTarget" => {
            let n = SERIAL.fetch_add(1, Ordering::Relaxed);
            let project = fixture::add_project(&app.db, f.year, unit, &format!("SM-{n}"), None).await;
            let q = super::super::targets::SAVE;
            let vars = json!({ "p": project.to_string(), "g": "目标", "i": super::super::targets::good_indicators() });
            (app.gql(token, q, vars).await, None)
        }
        "submitTarget" => {
            let (project, _) = project_with_target(app, unit, "draft").await;
            (app.gql(token, super::super::targets::SUBMIT, json!({ "p": project.to_string() })).await, None)
        }
        "reviewTarget" => {
            let state = if actor == Actor::Performance { "pending_recheck" } else { "pending_initial" };
            let (project, _) = project_with_target(app, unit, state).await;
            let q = super::super::targets::REVIEW;
            (app.gql(token, q, json!({ "p": project.to_string(), "a": "PASS", "r": "同意" })).await, None)
        }
        "setExpertProfile" => {
            let q =
                "mutation($u: ID!) { setExpertProfile(userId: $u, fields: [EDUCATION], conflictUnitIds: []) { id } }";
            (app.gql(token, q, json!({ "u": f.user_id(Actor::Expert).to_string() })).await, None)
        }
        "formPanel" => {
            ensure_expert_profile(app).await;
            let (project, _) = project_with_target(app, unit, "pending_expert").await;
            let q = "mutation($y: ID!, $t: [ID!]) { formPanel(yearId: $y, purpose: TARGET_REVIEW, field: EDUCATION, size: 1, targetProjectIds: $t) { id } }";
            (app.gql(token, q, json!({ "y": year, "t": [project.to_string()] })).await, None)
        }
        "submitOpinion" => {
            let (_, item) = panel_with_item(app, unit, false).await;
            let q = "mutation($i: ID!) { submitOpinion(panelItemId: $i, score: \"90\", opinion: \"同意\") { id } }";
            (app.gql(token, q, json!({ "i": item.to_string() })).await, None)
        }
        "concludePanel" => {
            let (panel_id, _) = panel_with_item(app, unit, true).await;
            let q = "mutation($p: ID!) { concludePanel(panelId: $p, conclusion: \"通过\") { id } }";
            (app.gql(token, q, json!({ "p": panel_id.to_string() })).await, None)
        }
        "startExAnte" => {
            let n = SERIAL.fetch_add(1, Ordering::Relaxed);
            let project = fixture::add_project(&app.db, f.year, unit, &format!("XM-{n}"), None).await;
            let q = "mutation($p: ID!) { startExAnte(projectId: $p, assessorKind: PANEL) { id } }";
            (app.gql(token, q, json!({ "p": project.to_string() })).await, None)
        }
        "submitExAnteScores" => {
            let a = assessment_in(app, unit, "in_progress", "firm").await;
            let q = "mutation($a: ID!) { submitExAnteScores(id: $a, scores: [\"18\", \"16\", \"17\", \"15\", \"19\"], opinion: \"可行\") { id } }";
            (app.gql(token, q, json!({ "a": a.to_string() })).await, None)
        }
        "concludeExAnte" => {
            let a = assessment_in(app, unit, "scored", "panel").await;
            let q = "mutation($a: ID!) { concludeExAnte(id: $a, conclusion: SUPPORT) { id } }";
            (app.gql(token, q, json!({ "a": a.to_string() })).await, None)
        }
        _ => return None,
    };
    Some(res)
}
