//! Targets through the four-step review chain, expert panels, the ex-ante
//! gate, the ledger and the year's statistics.

use jixiao_tests::{Actor, Gql, TestApp, fixture};
use serde_json::{Value, json};

mod booking;

pub const SAVE: &str = "mutation($p: ID!, $g: String!, $i: [TargetIndicatorInput!]!) { saveTarget(projectId: $p, overallGoal: $g, indicators: $i) { state issues { indicator field message } } }";
pub const SUBMIT: &str = "mutation($p: ID!) { submitTarget(projectId: $p) { state revision } }";
pub const REVIEW: &str = "mutation($p: ID!, $a: ReviewAction!, $r: String, $m: Money) { reviewTarget(projectId: $p, action: $a, reasons: $r, adjustAmount: $m) { state revision adjustedTotal } }";
const TARGET: &str = "query($p: ID!) { target(projectId: $p) { state revision quantifiedShare issues { message } revisions { number changes { kind name field before after } } reviews { step action reasons adjustAmount reviewer organisation } } }";

pub fn indicator(level2: &str, name: &str, comparator: &str, value: &str, unit: &str, weight: &str) -> Value {
    json!({ "level2": level2, "name": name, "comparator": comparator, "targetValue": value, "unit": unit, "weight": weight,
            "direction": "POSITIVE", "scoringStandard": "完成得满分，未完成按比例扣分", "explanation": "", "source": "CHARACTERISTIC", "libraryId": null })
}

/// A target that passes every check (weights 30+20+30+10 = 90).
pub fn good_indicators() -> Vec<Value> {
    vec![
        indicator("QUANTITY", "受益学生人数", "AT_LEAST", "12000", "人", "30"),
        indicator("TIMELINESS", "资金拨付及时率", "AT_LEAST", "100", "%", "20"),
        indicator("SOCIAL", "学生营养状况改善", "QUALITATIVE", "明显改善", "", "30"),
        indicator("SERVICE_SATISFACTION", "家长满意度", "AT_LEAST", "90", "%", "10"),
    ]
}

pub async fn draft_and_submit(app: &TestApp, token: &str, project: i64) {
    let id = project.to_string();
    app.gql(Some(token), SAVE, json!({ "p": id, "g": "保障营养餐供应", "i": good_indicators() })).await.ok();
    app.gql(Some(token), SUBMIT, json!({ "p": id })).await.ok();
}

pub async fn review(
    app: &TestApp,
    token: &str,
    project: i64,
    action: &str,
    reasons: Option<&str>,
    adjust: Option<&str>,
) -> Gql {
    app.gql(Some(token), REVIEW, json!({ "p": project.to_string(), "a": action, "r": reasons, "m": adjust })).await
}

/// Creates `n` experts of `field` through the API; returns their ids.
pub async fn experts(app: &TestApp, perf: &str, field: &str, n: usize, conflict_unit: Option<i64>) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let username = format!("expert_{field}_{i}").to_lowercase();
        let pool = app.fixture.expert_pool;
        let id = app.onboard_user(&username, &format!("专家{i}"), "EXPERT", pool, "Expert#2026").await;
        let conflicts: Vec<String> = conflict_unit.filter(|_| i == 0).map(|u| u.to_string()).into_iter().collect();
        app.gql(Some(perf), "mutation($u: ID!, $f: [Field!]!, $c: [ID!]!) { setExpertProfile(userId: $u, fields: $f, conflictUnitIds: $c) { id } }", json!({ "u": id, "f": [field], "c": conflicts }))
            .await
            .ok();
        ids.push(id);
    }
    ids
}

pub async fn expert_token(app: &TestApp, username: &str) -> String {
    let res = app.login(username, "Expert#2026").await;
    res.ok()["login"]["accessToken"].as_str().unwrap().to_owned()
}

/// Forms a panel on the targets, has every member give an opinion, concludes it.
pub async fn panel_passes(app: &TestApp, perf: &str, field: &str, size: i32, projects: &[i64]) -> Value {
    let q = "mutation($y: ID!, $f: Field!, $s: Int!, $t: [ID!]) { formPanel(yearId: $y, purpose: TARGET_REVIEW, field: $f, size: $s, targetProjectIds: $t) { id members { id displayName } items { id } } }";
    let ids: Vec<String> = projects.iter().map(|p| p.to_string()).collect();
    let formed =
        app.gql(Some(perf), q, json!({ "y": app.fixture.year.to_string(), "f": field, "s": size, "t": ids })).await;
    let panel = formed.ok()["formPanel"].clone();
    for member in panel["members"].as_array().unwrap() {
        let n: String = member["displayName"].as_str().unwrap().chars().filter(char::is_ascii_digit).collect();
        let token = expert_token(app, &format!("expert_{}_{n}", field.to_lowercase())).await;
        let items = app.gql(Some(&token), "{ myPanelItems { edges { node { id } } } }", json!({})).await;
        for item in items.ok()["myPanelItems"]["edges"].as_array().unwrap() {
            let q = "mutation($i: ID!, $s: String, $o: String!) { submitOpinion(panelItemId: $i, score: $s, opinion: $o) { id } }";
            app.gql(Some(&token), q, json!({ "i": item["node"]["id"], "s": "88.5", "o": "目标明确，指标可衡量" }))
                .await
                .ok();
        }
    }
    let q = "mutation($p: ID!, $c: String!) { concludePanel(panelId: $p, conclusion: $c) { concludedAt } }";
    app.gql(Some(perf), q, json!({ "p": panel["id"], "c": "同意通过，建议细化满意度调查方式" })).await.ok();
    panel
}

#[tokio::test]
async fn a_target_runs_the_whole_chain_and_the_figures_follow() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.token(Actor::Department).await;
    let section = app.token(Actor::Section).await;
    let perf = app.token(Actor::Performance).await;
    let p = f.p_d1.to_string();

    // Draft: weights 85 of 90 — saved, with the issue reported; submitting is refused.
    let mut short = good_indicators();
    short[0]["weight"] = json!("25");
    let saved = app.gql(Some(&dept), SAVE, json!({ "p": p, "g": "保障营养餐供应", "i": short })).await;
    assert_eq!(saved.ok()["saveTarget"]["state"], "DRAFT");
    assert_eq!(saved.ok()["saveTarget"]["issues"][0]["message"], "指标权重合计应为 90，当前为 85");
    let refused = app.gql(Some(&dept), SUBMIT, json!({ "p": p })).await;
    refused.expect_code("BAD_USER_INPUT");
    assert!(refused.message().unwrap().contains("指标权重合计应为 90"), "{}", refused.body);

    // Fixed and submitted: 单位自审 → 业务股室初审.
    app.gql(Some(&dept), SAVE, json!({ "p": p, "g": "保障营养餐供应", "i": good_indicators() })).await.ok();
    let submitted = app.gql(Some(&dept), SUBMIT, json!({ "p": p })).await;
    assert_eq!(submitted.ok()["submitTarget"], json!({ "state": "PENDING_INITIAL", "revision": 1 }));

    // The business section returns it, with reasons.
    review(&app, &section, f.p_d1, "RETURN", None, None).await.expect_code("BAD_USER_INPUT");
    let returned = review(&app, &section, f.p_d1, "RETURN", Some("受益学生人数偏低，请按学籍数核实"), None).await;
    assert_eq!(returned.ok()["reviewTarget"]["state"], "RETURNED");

    // The unit revises and resubmits: revision 2, and the change is visible.
    let mut revised = good_indicators();
    revised[0]["targetValue"] = json!("12500");
    app.gql(Some(&dept), SAVE, json!({ "p": p, "g": "保障营养餐供应", "i": revised })).await.ok();
    app.gql(Some(&dept), SUBMIT, json!({ "p": p })).await.ok();
    let t = app.gql(Some(&section), TARGET, json!({ "p": p })).await;
    let revisions = t.ok()["target"]["revisions"].as_array().unwrap().clone();
    assert_eq!(revisions.len(), 2);
    assert_eq!(
        revisions[1]["changes"],
        json!([{ "kind": "MODIFIED", "name": "受益学生人数", "field": "指标值", "before": "12000", "after": "12500" }])
    );

    // 初审 passes with a budget adjustment of 500.00; 复审 passes.
    let passed = review(&app, &section, f.p_d1, "PASS", Some("同意"), Some("500.00")).await;
    assert_eq!(passed.ok()["reviewTarget"]["state"], "PENDING_RECHECK");
    assert_eq!(passed.ok()["reviewTarget"]["adjustedTotal"], "500.00");
    assert_eq!(review(&app, &perf, f.p_d1, "PASS", None, None).await.ok()["reviewTarget"]["state"], "PENDING_EXPERT");

    // 专家集中会审: not before the panel concludes.
    review(&app, &perf, f.p_d1, "PASS", None, None).await.expect_code("CONFLICT");
    experts(&app, &perf, "EDUCATION", 3, Some(f.d1)).await;
    let panel = panel_passes(&app, &perf, "EDUCATION", 2, &[f.p_d1]).await;
    let drawn: Vec<&str> =
        panel["members"].as_array().unwrap().iter().map(|m| m["displayName"].as_str().unwrap()).collect();
    assert!(!drawn.contains(&"专家0"), "the expert with a conflict with 县教育局 is never drawn: {drawn:?}");
    assert_eq!(review(&app, &perf, f.p_d1, "PASS", None, None).await.ok()["reviewTarget"]["state"], "PENDING_APPROVAL");

    // 批复: approved at the request less the adjustment.
    assert_eq!(review(&app, &perf, f.p_d1, "APPROVE", None, None).await.ok()["reviewTarget"]["state"], "APPROVED");
    let project =
        app.gql(Some(&perf), "query($p: ID!) { project(id: $p) { approvedAmount } }", json!({ "p": p })).await;
    assert_eq!(project.ok()["project"]["approvedAmount"], "9500.00");
    // An approved target is closed to edits.
    app.gql(Some(&dept), SAVE, json!({ "p": p, "g": "改", "i": good_indicators() })).await.expect_code("CONFLICT");

    // History: every step recorded.
    let t = app.gql(Some(&perf), TARGET, json!({ "p": p })).await;
    let steps: Vec<(String, String)> = t.ok()["target"]["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["step"].as_str().unwrap().to_owned(), r["action"].as_str().unwrap().to_owned()))
        .collect();
    let want: Vec<(String, String)> = [
        ("SELF_REVIEW", "SUBMIT"),
        ("INITIAL", "RETURN"),
        ("SELF_REVIEW", "SUBMIT"),
        ("INITIAL", "PASS"),
        ("RECHECK", "PASS"),
        ("EXPERT", "PASS"),
        ("APPROVAL", "APPROVE"),
    ]
    .iter()
    .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
    .collect();
    assert_eq!(steps, want);

    // Statistics and the ledger, computed by hand: 1 target reviewed, 1 returned (100%),
    // 1 project adjusted by 500.00; per step 初审 1 pass + 1 return, 复审 1, 会审 1, 批复 1.
    let stats = app
        .gql(Some(&perf), "query($y: ID!) { targetStatistics(yearId: $y) { targetsReviewed targetsReturned returnedShare projectsAdjusted adjustedAmount byStep { step passed returned } byUnitKind { unitKind reviewed returned } } }", json!({ "y": f.year.to_string() }))
        .await;
    let s = &stats.ok()["targetStatistics"];
    assert_eq!((s["targetsReviewed"].as_i64(), s["targetsReturned"].as_i64()), (Some(1), Some(1)));
    assert_eq!(s["returnedShare"], "100.00");
    assert_eq!((s["projectsAdjusted"].as_i64(), s["adjustedAmount"].as_str()), (Some(1), Some("500.00")));
    assert_eq!(
        s["byStep"],
        json!([
            { "step": "INITIAL", "passed": 1, "returned": 1 }, { "step": "RECHECK", "passed": 1, "returned": 0 },
            { "step": "EXPERT", "passed": 1, "returned": 0 }, { "step": "APPROVAL", "passed": 1, "returned": 0 }
        ])
    );
    assert_eq!(s["byUnitKind"][0], json!({ "unitKind": "DEPARTMENT", "reviewed": 1, "returned": 1 }));
    let ledger = app
        .gql(
            Some(&perf),
            "query($y: ID!) { ledgerSummary(yearId: $y) { total count bySource { key count amount } } }",
            json!({ "y": f.year.to_string() }),
        )
        .await;
    assert_eq!(
        ledger.ok()["ledgerSummary"]["bySource"],
        json!([{ "key": "TARGET_REVIEW", "count": 1, "amount": "500.00" }])
    );
}

#[tokio::test]
async fn the_returned_share_counts_targets_not_returns() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.token(Actor::Department).await;
    let town = app.token(Actor::Township).await;
    let section = app.token(Actor::Section).await;
    // Five targets in section A: D1, D1's sub-unit, T1 and two more of D1; two are returned (one twice).
    let extra1 = fixture::add_project(&app.db, f.year, f.d1, "P-X1", None).await;
    let extra2 = fixture::add_project(&app.db, f.year, f.d1, "P-X2", None).await;
    for p in [f.p_d1, f.p_d1_sub, extra1, extra2] {
        draft_and_submit(&app, &dept, p).await;
    }
    draft_and_submit(&app, &town, f.p_t1).await;
    for p in [f.p_d1, f.p_d1_sub, extra1] {
        review(&app, &section, p, "PASS", None, None).await.ok();
    }
    review(&app, &section, extra2, "RETURN", Some("请补充满意度指标"), None).await.ok();
    app.gql(Some(&dept), SUBMIT, json!({ "p": extra2.to_string() })).await.ok();
    review(&app, &section, extra2, "RETURN", Some("仍需补充"), None).await.ok();
    review(&app, &section, f.p_t1, "RETURN", Some("指标值不明确"), None).await.ok();
    let perf = app.token(Actor::Performance).await;
    let stats = app.gql(Some(&perf), "query($y: ID!) { targetStatistics(yearId: $y) { targetsReviewed targetsReturned returnedShare byUnitKind { unitKind reviewed returned } } }", json!({ "y": f.year.to_string() })).await;
    let s = &stats.ok()["targetStatistics"];
    assert_eq!((s["targetsReviewed"].as_i64(), s["targetsReturned"].as_i64()), (Some(5), Some(2)));
    assert_eq!(s["returnedShare"], "40.00");
    assert_eq!(
        s["byUnitKind"],
        json!([{ "unitKind": "DEPARTMENT", "reviewed": 4, "returned": 1 }, { "unitKind": "TOWNSHIP", "reviewed": 1, "returned": 1 }])
    );
}

/// Every illegal transition — wrong role, wrong state, other unit — is refused.
#[tokio::test]
async fn illegal_transitions_are_refused_with_reasons() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.token(Actor::Department).await;
    draft_and_submit(&app, &dept, f.p_d1).await; // now PENDING_INITIAL
    let town = app.token(Actor::Township).await;
    draft_and_submit(&app, &town, f.p_t1).await;
    let cases: Vec<(Actor, i64, &str, &str)> = vec![
        // wrong role
        (Actor::Department, f.p_d1, "PASS", "FORBIDDEN"),
        (Actor::Leadership, f.p_d1, "PASS", "FORBIDDEN"),
        (Actor::Expert, f.p_d1, "PASS", "FORBIDDEN"),
        (Actor::Evaluator, f.p_d1, "RETURN", "FORBIDDEN"),
        (Actor::Admin, f.p_d1, "PASS", "FORBIDDEN"),
        // the 绩效股 may not do the business section's step
        (Actor::Performance, f.p_d1, "PASS", "CONFLICT"),
        // wrong state: approve at 初审; submit is the unit's
        (Actor::Section, f.p_d1, "APPROVE", "CONFLICT"),
        (Actor::Section, f.p_d1, "SUBMIT", "BAD_USER_INPUT"),
        // other unit: section A does not review section B's township
        (Actor::Section, f.p_t2, "PASS", "NOT_FOUND"),
    ];
    for (actor, project, action, code) in cases {
        let token = app.token(actor).await;
        let res = review(&app, &token, project, action, Some("理由"), None).await;
        assert_eq!(res.code(), Some(code), "{actor:?} {action} on {project}: {}", res.body);
    }
    // The unit cannot resubmit while under review, nor edit.
    app.gql(Some(&dept), SUBMIT, json!({ "p": f.p_d1.to_string() })).await.expect_code("CONFLICT");
    let edit = app.gql(Some(&dept), SAVE, json!({ "p": f.p_d1.to_string(), "g": "改", "i": good_indicators() })).await;
    edit.expect_code("CONFLICT");
    // Another unit's target is invisible.
    app.gql(Some(&town), SUBMIT, json!({ "p": f.p_d1.to_string() })).await.expect_code("NOT_FOUND");
    let peek = app
        .gql(Some(&town), "query($p: ID!) { target(projectId: $p) { state } }", json!({ "p": f.p_d1.to_string() }))
        .await;
    peek.expect_code("NOT_FOUND");
    // Nothing moved: still with the business section.
    let t = app
        .as_actor(
            Actor::Section,
            "query($p: ID!) { target(projectId: $p) { state } }",
            json!({ "p": f.p_d1.to_string() }),
        )
        .await;
    assert_eq!(t.ok()["target"]["state"], "PENDING_INITIAL");
}

#[tokio::test]
async fn the_review_queue_shows_each_reviewer_what_waits_for_it() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.token(Actor::Department).await;
    draft_and_submit(&app, &dept, f.p_d1).await;
    let queue = "{ reviewQueue { totalCount edges { node { project { code } state } } } }";
    let section = app.as_actor(Actor::Section, queue, json!({})).await;
    assert_eq!(section.ok()["reviewQueue"]["totalCount"], 1);
    assert_eq!(section.ok()["reviewQueue"]["edges"][0]["node"]["project"]["code"], "P-D1");
    let perf = app.as_actor(Actor::Performance, queue, json!({})).await;
    assert_eq!(perf.ok()["reviewQueue"]["totalCount"], 0);
    review(&app, &app.token(Actor::Section).await, f.p_d1, "PASS", None, None).await.ok();
    let perf = app.as_actor(Actor::Performance, queue, json!({})).await;
    assert_eq!(perf.ok()["reviewQueue"]["totalCount"], 1);
    app.as_actor(Actor::Leadership, queue, json!({})).await.expect_code("FORBIDDEN");
}

#[tokio::test]
async fn a_panel_needs_enough_experts_without_conflicts() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.token(Actor::Department).await;
    let perf = app.token(Actor::Performance).await;
    draft_and_submit(&app, &dept, f.p_d1).await;
    review(&app, &app.token(Actor::Section).await, f.p_d1, "PASS", None, None).await.ok();
    review(&app, &perf, f.p_d1, "PASS", None, None).await.ok();
    experts(&app, &perf, "HEALTH", 2, Some(f.d1)).await;
    let q = "mutation($y: ID!, $t: [ID!]) { formPanel(yearId: $y, purpose: TARGET_REVIEW, field: HEALTH, size: 2, targetProjectIds: $t) { id } }";
    let res = app.gql(Some(&perf), q, json!({ "y": f.year.to_string(), "t": [f.p_d1.to_string()] })).await;
    res.expect_code("CONFLICT");
    assert!(res.message().unwrap().contains("因利益冲突回避 1 名"), "{}", res.body);
    // A target not at the expert step cannot be put before a panel.
    let res = app.gql(Some(&perf), q, json!({ "y": f.year.to_string(), "t": [f.p_d2.to_string()] })).await;
    res.expect_code("CONFLICT");
}

#[tokio::test]
async fn an_expert_sees_only_its_assigned_items() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.token(Actor::Department).await;
    let perf = app.token(Actor::Performance).await;
    draft_and_submit(&app, &dept, f.p_d1).await;
    draft_and_submit(&app, &dept, f.p_d1_sub).await;
    let section = app.token(Actor::Section).await;
    for p in [f.p_d1, f.p_d1_sub] {
        review(&app, &section, p, "PASS", None, None).await.ok();
        review(&app, &perf, p, "PASS", None, None).await.ok();
    }
    experts(&app, &perf, "EDUCATION", 1, None).await;
    let q = "mutation($y: ID!, $t: [ID!]) { formPanel(yearId: $y, purpose: TARGET_REVIEW, field: EDUCATION, size: 1, targetProjectIds: $t) { id } }";
    app.gql(Some(&perf), q, json!({ "y": f.year.to_string(), "t": [f.p_d1.to_string()] })).await.ok();
    let expert = expert_token(&app, "expert_education_0").await;
    let mine = app
        .gql(
            Some(&expert),
            "{ myPanelItems { totalCount edges { node { target { project { code } indicators { name } } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(mine.ok()["myPanelItems"]["totalCount"], 1);
    assert_eq!(mine.ok()["myPanelItems"]["edges"][0]["node"]["target"]["project"]["code"], "P-D1");
    let own = app
        .gql(Some(&expert), "query($p: ID!) { target(projectId: $p) { state } }", json!({ "p": f.p_d1.to_string() }))
        .await;
    assert_eq!(own.ok()["target"]["state"], "PENDING_EXPERT");
    let other = app
        .gql(
            Some(&expert),
            "query($p: ID!) { target(projectId: $p) { state } }",
            json!({ "p": f.p_d1_sub.to_string() }),
        )
        .await;
    other.expect_code("NOT_FOUND");
    app.gql(Some(&expert), "{ projects { totalCount } }", json!({})).await.expect_code("FORBIDDEN");
}

#[tokio::test]
async fn a_new_project_is_approved_only_after_a_supporting_ex_ante_assessment() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    // A new project of D1, 40,000,000.00 requested.
    let created = app
        .gql(
            Some(&dept),
            "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }",
            json!({ "i": {
            "yearId": f.year.to_string(), "code": "XM-NEW", "name": "县城第三小学新建工程", "kind": "PROJECT",
            "budgetType": "GENERAL_PUBLIC", "requestedAmount": "40000000.00", "isNew": true } }),
        )
        .await;
    let pid: i64 = created.ok()["createProject"]["id"].as_str().unwrap().parse().unwrap();
    draft_and_submit(&app, &dept, pid).await;
    review(&app, &app.token(Actor::Section).await, pid, "PASS", None, None).await.ok();
    review(&app, &perf, pid, "PASS", None, None).await.ok();
    experts(&app, &perf, "EDUCATION", 2, None).await;
    panel_passes(&app, &perf, "EDUCATION", 2, &[pid]).await;
    review(&app, &perf, pid, "PASS", None, None).await.ok();
    let t = app
        .gql(
            Some(&perf),
            "query($p: ID!) { target(projectId: $p) { requiresExAnte exAnte { id } } }",
            json!({ "p": pid.to_string() }),
        )
        .await;
    assert_eq!(t.ok()["target"], json!({ "requiresExAnte": true, "exAnte": null }));
    let gate = review(&app, &perf, pid, "APPROVE", None, None).await;
    gate.expect_code("CONFLICT");
    assert!(gate.message().unwrap().contains("事前绩效评估"));

    // Commissioned to the firm; it scores; the 绩效股 concludes 调整后支持 with a 1,000,000.00 cut.
    let started = app
        .gql(
            Some(&perf),
            "mutation($p: ID!, $f: ID) { startExAnte(projectId: $p, assessorKind: FIRM, firmId: $f) { id state } }",
            json!({ "p": pid.to_string(), "f": f.firm.to_string() }),
        )
        .await;
    let aid = started.ok()["startExAnte"]["id"].clone();
    let conclude = "mutation($a: ID!, $c: Conclusion!, $m: Money) { concludeExAnte(id: $a, conclusion: $c, cutAmount: $m, preconditions: \"资金按进度拨付\") { state conclusion cutAmount totalScore } }";
    app.gql(Some(&perf), conclude, json!({ "a": aid, "c": "SUPPORT" })).await.expect_code("CONFLICT");
    let firm = app.token(Actor::Evaluator).await;
    let bad = app
        .gql(
            Some(&firm),
            "mutation($a: ID!, $s: [String!]!) { submitExAnteScores(id: $a, scores: $s, opinion: \"x\") { state } }",
            json!({ "a": aid, "s": ["21", "15", "16", "15", "18"] }),
        )
        .await;
    bad.expect_code("BAD_USER_INPUT");
    let scored = app.gql(Some(&firm), "mutation($a: ID!, $s: [String!]!) { submitExAnteScores(id: $a, scores: $s, opinion: \"必要性充分，成本偏高\") { state totalScore scores } }", json!({ "a": aid, "s": ["18", "15.5", "16", "15", "18"] })).await;
    assert_eq!(scored.ok()["submitExAnteScores"]["totalScore"], "82.5");
    let concluded =
        app.gql(Some(&perf), conclude, json!({ "a": aid, "c": "SUPPORT_ADJUSTED", "m": "1000000.00" })).await;
    assert_eq!(concluded.ok()["concludeExAnte"]["cutAmount"], "1000000.00");
    let approved = review(&app, &perf, pid, "APPROVE", None, None).await;
    assert_eq!(approved.ok()["reviewTarget"]["state"], "APPROVED");
    let project = app
        .gql(Some(&perf), "query($p: ID!) { project(id: $p) { approvedAmount } }", json!({ "p": pid.to_string() }))
        .await;
    assert_eq!(project.ok()["project"]["approvedAmount"], "39000000.00");
}

#[tokio::test]
async fn ex_ante_conclusions_write_the_ledger_and_the_statistics() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let perf = app.token(Actor::Performance).await;
    let firm = app.token(Actor::Evaluator).await;
    // Three assessments: rejected (firm), deferred (panel), supported with a cut (firm).
    let mut ids = Vec::new();
    for (code, amount) in [("EA-1", 4_000_000_000i64), ("EA-2", 200_000_000), ("EA-3", 50_000_000)] {
        let p = fixture::add_project(&app.db, f.year, f.d2, code, None).await;
        sea_orm::ConnectionTrait::execute_unprepared(
            &app.db,
            &format!("UPDATE project SET requested_fen = {amount}, is_new = true WHERE id = {p}"),
        )
        .await
        .unwrap();
        ids.push(p);
    }
    let start = "mutation($p: ID!, $k: AssessorKind!, $f: ID) { startExAnte(projectId: $p, assessorKind: $k, firmId: $f) { id } }";
    let score = "mutation($a: ID!) { submitExAnteScores(id: $a, scores: [\"10\", \"8\", \"9\", \"7\", \"12\"], opinion: \"立项依据不足\") { state } }";
    let conclude = "mutation($a: ID!, $c: Conclusion!, $m: Money) { concludeExAnte(id: $a, conclusion: $c, cutAmount: $m) { state } }";
    let a1 = app
        .gql(Some(&perf), start, json!({ "p": ids[0].to_string(), "k": "FIRM", "f": f.firm.to_string() }))
        .await
        .ok()["startExAnte"]["id"]
        .clone();
    app.gql(Some(&firm), score, json!({ "a": a1 })).await.ok();
    app.gql(Some(&perf), conclude, json!({ "a": a1, "c": "REJECT" })).await.ok();
    // The panel route: experts score the five dimensions; the mean becomes the assessment's.
    let a2 =
        app.gql(Some(&perf), start, json!({ "p": ids[1].to_string(), "k": "PANEL" })).await.ok()["startExAnte"]["id"]
            .clone();
    experts(&app, &perf, "INFRASTRUCTURE", 2, None).await;
    let panel = app.gql(Some(&perf), "mutation($y: ID!, $a: [ID!]) { formPanel(yearId: $y, purpose: EX_ANTE, field: INFRASTRUCTURE, size: 2, assessmentIds: $a) { id } }", json!({ "y": f.year.to_string(), "a": [a2] })).await;
    let panel_id = panel.ok()["formPanel"]["id"].clone();
    for (i, sheet) in [["12", "10", "11", "9", "14"], ["14", "12", "13", "11", "16"]].iter().enumerate() {
        let token = expert_token(&app, &format!("expert_infrastructure_{i}")).await;
        let item = app
            .gql(Some(&token), "{ myPanelItems { edges { node { id assessment { project { code } } } } } }", json!({}))
            .await;
        let item_id = item.ok()["myPanelItems"]["edges"][0]["node"]["id"].clone();
        let q = "mutation($i: ID!, $d: [String!], $o: String!) { submitOpinion(panelItemId: $i, dimensionScores: $d, opinion: $o) { id } }";
        app.gql(Some(&token), q, json!({ "i": item_id, "d": sheet, "o": "建议暂缓" })).await.ok();
    }
    app.gql(
        Some(&perf),
        "mutation($p: ID!) { concludePanel(panelId: $p, conclusion: \"实施条件尚不成熟\") { id } }",
        json!({ "p": panel_id }),
    )
    .await
    .ok();
    let a2_read = app
        .gql(
            Some(&perf),
            "query($y: ID!) { exAnteAssessments(yearId: $y) { edges { node { id state scores totalScore } } } }",
            json!({ "y": f.year.to_string() }),
        )
        .await;
    let a2_node =
        a2_read.ok()["exAnteAssessments"]["edges"].as_array().unwrap().iter().find(|e| e["node"]["id"] == a2).unwrap()
            ["node"]
            .clone();
    assert_eq!(a2_node["scores"], json!(["13", "11", "12", "10", "15"]));
    assert_eq!(a2_node["totalScore"], "61");
    app.gql(Some(&perf), conclude, json!({ "a": a2, "c": "DEFER" })).await.ok();
    let a3 = app
        .gql(Some(&perf), start, json!({ "p": ids[2].to_string(), "k": "FIRM", "f": f.firm.to_string() }))
        .await
        .ok()["startExAnte"]["id"]
        .clone();
    app.gql(Some(&firm), score, json!({ "a": a3 })).await.ok();
    app.gql(Some(&perf), conclude, json!({ "a": a3, "c": "SUPPORT_ADJUSTED", "m": "120000.00" })).await.ok();

    let stats = app.gql(Some(&perf), "query($y: ID!) { targetStatistics(yearId: $y) { assessed assessedByConclusion { conclusion count requested cut } } }", json!({ "y": f.year.to_string() })).await;
    let s = &stats.ok()["targetStatistics"];
    assert_eq!(s["assessed"], 3);
    assert_eq!(
        s["assessedByConclusion"],
        json!([
            { "conclusion": "SUPPORT", "count": 0, "requested": "0.00", "cut": "0.00" },
            { "conclusion": "SUPPORT_ADJUSTED", "count": 1, "requested": "500000.00", "cut": "120000.00" },
            { "conclusion": "DEFER", "count": 1, "requested": "2000000.00", "cut": "2000000.00" },
            { "conclusion": "REJECT", "count": 1, "requested": "40000000.00", "cut": "40000000.00" }
        ])
    );
    let ledger = app.gql(Some(&perf), "query($y: ID!) { ledgerSummary(yearId: $y) { total count bySource { key count amount } byKind { key count amount } byUnitKind { key amount } byBudgetType { key amount } } }", json!({ "y": f.year.to_string() })).await;
    let l = &ledger.ok()["ledgerSummary"];
    assert_eq!((l["total"].as_str(), l["count"].as_i64()), (Some("42120000.00"), Some(3)));
    assert_eq!(l["bySource"], json!([{ "key": "EX_ANTE", "count": 3, "amount": "42120000.00" }]));
    let mut kinds: Vec<(String, String)> = l["byKind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["key"].as_str().unwrap().into(), k["amount"].as_str().unwrap().into()))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec![
            ("CUT".into(), "120000.00".into()),
            ("DEFER".into(), "2000000.00".into()),
            ("REJECT".into(), "40000000.00".into())
        ]
    );
    assert_eq!(l["byUnitKind"], json!([{ "key": "DEPARTMENT", "amount": "42120000.00" }]));
    assert_eq!(l["byBudgetType"], json!([{ "key": "GENERAL_PUBLIC", "amount": "42120000.00" }]));
    // The firm sees only its commissions; the unit of another section sees none.
    let mine = app
        .gql(
            Some(&firm),
            "query($y: ID!) { exAnteAssessments(yearId: $y) { totalCount } }",
            json!({ "y": f.year.to_string() }),
        )
        .await;
    assert_eq!(mine.ok()["exAnteAssessments"]["totalCount"], 2);
    let dept = app
        .as_actor(
            Actor::Department,
            "query($y: ID!) { exAnteAssessments(yearId: $y) { totalCount } }",
            json!({ "y": f.year.to_string() }),
        )
        .await;
    assert_eq!(dept.ok()["exAnteAssessments"]["totalCount"], 0);
}

#[tokio::test]
async fn the_rule_set_is_configurable_by_the_admin() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let admin = app.token(Actor::Admin).await;
    let dept = app.token(Actor::Department).await;
    let set = "mutation($k: String!, $v: String!) { setRuleSetting(key: $k, value: $v) { key value default } }";
    app.gql(Some(&admin), set, json!({ "k": "target.weight_total", "v": "0" })).await.expect_code("BAD_USER_INPUT");
    app.gql(Some(&admin), set, json!({ "k": "no.such", "v": "1" })).await.expect_code("BAD_USER_INPUT");
    let res = app.gql(Some(&admin), set, json!({ "k": "target.weight_total", "v": "100" })).await;
    assert_eq!(res.ok()["setRuleSetting"], json!({ "key": "target.weight_total", "value": "100", "default": "90" }));
    assert_eq!(app.latest_audit().await.operation, "rule.set");
    // The 90-point target now fails the unit's check, and names the new total.
    app.gql(Some(&dept), SAVE, json!({ "p": f.p_d1.to_string(), "g": "目标", "i": good_indicators() })).await.ok();
    let refused = app.gql(Some(&dept), SUBMIT, json!({ "p": f.p_d1.to_string() })).await;
    assert!(refused.message().unwrap().contains("指标权重合计应为 100，当前为 90"), "{}", refused.body);
    // A lower threshold makes a continuing project need an ex-ante assessment.
    app.gql(Some(&admin), set, json!({ "k": "ex_ante.continuing_threshold", "v": "5000" })).await.ok();
    let t = app
        .gql(
            Some(&dept),
            "query($p: ID!) { target(projectId: $p) { requiresExAnte } }",
            json!({ "p": f.p_d1.to_string() }),
        )
        .await;
    assert_eq!(t.ok()["target"]["requiresExAnte"], true);
}
