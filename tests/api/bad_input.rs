//! Bad input gets a clear error with a stable code, and writes nothing.

use jixiao_tests::{Actor, TestApp};
use serde_json::{Value, json};

#[tokio::test]
async fn malformed_json_is_a_bad_request_with_a_code() {
    let app = TestApp::spawn().await;
    let res = app
        .http()
        .post(app.url("/graphql"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
}

#[tokio::test]
async fn a_syntax_error_is_reported_with_a_code() {
    let app = TestApp::spawn().await;
    let res = app.gql(None, "{ me { id ", json!({})).await;
    res.expect_code("BAD_USER_INPUT");
}

#[tokio::test]
async fn wrong_types_and_unknown_fields_are_refused() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    let res = app.gql(Some(&token), "query($y: Int!) { createYear(year: $y) { id } }", json!({ "y": 2030 })).await;
    res.expect_code("BAD_USER_INPUT");
    let res = app.gql(Some(&token), "{ projects(first: \"ten\") { totalCount } }", json!({})).await;
    res.expect_code("BAD_USER_INPUT");
    let res = app.gql(Some(&token), "{ projects { secretColumn } }", json!({})).await;
    res.expect_code("BAD_USER_INPUT");
}

#[tokio::test]
async fn amounts_must_be_decimal_strings() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    let before = app.count("project").await;
    let q = "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
    for amount in [json!(100.5), json!("1e9"), json!("abc"), json!("1".repeat(40)), json!(true)] {
        let input = json!({ "yearId": app.fixture.year.to_string(), "unitId": app.fixture.d1.to_string(), "code": "BAD-AMT", "name": "金额", "kind": "PROJECT", "budgetType": "GENERAL_PUBLIC", "requestedAmount": amount, "isNew": true });
        let res = app.gql(Some(&token), q, json!({ "i": input })).await;
        res.expect_code("BAD_USER_INPUT");
    }
    assert_eq!(app.count("project").await, before);
}

#[tokio::test]
async fn unknown_or_foreign_ids_are_not_found() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    for id in ["999999", "abc", "-1", "1e3"] {
        app.gql(Some(&token), "query($id: ID!) { project(id: $id) { id } }", json!({ "id": id }))
            .await
            .expect_code("NOT_FOUND");
    }
    let q = "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
    let input = json!({ "yearId": "424242", "unitId": app.fixture.d1.to_string(), "code": "NO-YEAR", "name": "无年度", "kind": "PROJECT", "budgetType": "GENERAL_PUBLIC", "requestedAmount": "1.00", "isNew": true });
    app.gql(Some(&token), q, json!({ "i": input })).await.expect_code("NOT_FOUND");
}

#[tokio::test]
async fn a_bad_page_size_or_cursor_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    for (first, after) in [(json!(0), json!(null)), (json!(101), json!(null)), (json!(10), json!("garbage"))] {
        let res = app
            .gql(
                Some(&token),
                "query($f: Int, $a: String) { projects(first: $f, after: $a) { totalCount } }",
                json!({ "f": first, "a": after }),
            )
            .await;
        res.expect_code("BAD_USER_INPUT");
    }
}

#[tokio::test]
async fn an_oversize_body_is_refused() {
    let app = TestApp::spawn().await;
    let before = app.count("project").await;
    let huge = "x".repeat(9 * 1024 * 1024);
    let body =
        json!({ "query": format!("mutation {{ login(username: \"{huge}\", password: \"x\") {{ accessToken }} }}") });
    let res = app.http().post(app.url("/graphql")).json(&body).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 413);
    assert_eq!(app.count("project").await, before);
}

#[tokio::test]
async fn too_deep_or_too_complex_queries_are_refused() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    let deep = "{ projects { edges { node { unit { parent { parent { parent { section { parent { parent { id } } } } } } } } } } }";
    let res = app.gql(Some(&token), deep, json!({})).await;
    res.expect_code("BAD_USER_INPUT");
    assert!(res.message().unwrap().contains("查询嵌套过深"), "{}", res.body);
    let wide = format!(
        "{{ {} }}",
        (0..20)
            .map(|i| format!("p{i}: projects(first: 100) {{ edges {{ node {{ id code name }} }} }}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let res = app.gql(Some(&token), &wide, json!({})).await;
    res.expect_code("BAD_USER_INPUT");
    assert!(res.message().unwrap().contains("查询过于复杂"), "{}", res.body);
}

#[tokio::test]
async fn internal_errors_never_reach_the_client_as_sql() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    // Break the table under the running app: the error must be masked.
    use sea_orm::ConnectionTrait;
    app.db.execute_unprepared("DROP TABLE audit_log").await.unwrap();
    let q = "mutation($id: ID!) { updateProject(id: $id, input: { name: \"x\" }) { id } }";
    let res = app.gql(Some(&token), q, json!({ "id": app.fixture.p_d1.to_string() })).await;
    res.expect_code("INTERNAL");
    let text = res.body.to_string().to_lowercase();
    assert!(!text.contains("audit_log") && !text.contains("sql") && !text.contains("table"), "{text}");
    // And the project change was rolled back with the failed audit write.
    let read = app
        .gql(
            Some(&token),
            "query($id: ID!) { project(id: $id) { name } }",
            json!({ "id": app.fixture.p_d1.to_string() }),
        )
        .await;
    assert_eq!(read.ok()["project"]["name"], "P-D1 项目");
}

/// The tables a refused input must leave untouched.
const WRITTEN: [&str; 10] = [
    "project",
    "target",
    "organisation",
    "app_user",
    "library_indicator",
    "monitoring_round",
    "round_unit",
    "expert_panel",
    "rule_setting",
    "audit_log",
];

async fn counts(app: &TestApp) -> Vec<i64> {
    let mut out = Vec::new();
    for table in WRITTEN {
        out.push(app.count(table).await);
    }
    out
}

/// Issue 7 item 5: text that cannot be shown, names with nothing visible,
/// dates outside the fiscal year, ids given twice and numbers beyond their
/// range are each refused with a code naming the field, and nothing is written.
#[tokio::test]
async fn nonsense_text_dates_ids_and_numbers_are_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let (perf, admin) = (app.token(Actor::Performance).await, app.token(Actor::Admin).await);
    let dept = app.token(Actor::Department).await;
    let save = "mutation($p: ID!, $g: String!, $i: [TargetIndicatorInput!]!) { saveTarget(projectId: $p, overallGoal: $g, indicators: $i) { state } }";
    let target = |goal: &str, weight: &str| {
        let mut indicators = crate::targets::good_indicators();
        indicators[0]["weight"] = json!(weight);
        json!({ "p": f.p_d1.to_string(), "g": goal, "i": indicators })
    };
    let project = |name: &str, amount: &str| {
        json!({ "i": { "yearId": f.year.to_string(), "unitId": f.d1.to_string(), "code": "BAD-1", "name": name,
            "kind": "PROJECT", "budgetType": "GENERAL_PUBLIC", "requestedAmount": amount, "isNew": true } })
    };
    let create_project = "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
    let library = |name: &str| {
        json!({ "i": { "level2": "QUANTITY", "field": "EDUCATION", "name": name, "comparator": "AT_LEAST", "unit": "人",
            "referenceValue": "100", "scoringStandard": "按比例", "direction": "POSITIVE" } })
    };
    let create_library = "mutation($i: LibraryIndicatorInput!) { createLibraryIndicator(input: $i) { id } }";
    let round = |due: &str, units: Value| json!({ "y": f.year.to_string(), "d": due, "u": units });
    let open_round = "mutation($y: ID!, $d: String!, $u: [ID!]) { openMonitoringRound(yearId: $y, month: 9, dueDate: $d, unitIds: $u) { id } }";
    let panel = "mutation($y: ID!, $a: [ID!]) { formPanel(yearId: $y, purpose: EX_ANTE, field: EDUCATION, size: 2, assessmentIds: $a) { id } }";
    let user = |name: &str| json!({ "i": { "username": "new_user", "displayName": name, "role": "DEPARTMENT", "organisationId": f.d1.to_string() } });
    let create_user = "mutation($i: CreateUserInput!) { createUser(input: $i) { oneTimePassword } }";
    let org =
        "mutation($n: String!) { createOrganisation(input: { kind: DEPARTMENT, code: \"D-NEW\", name: $n }) { id } }";
    let rule = "mutation($v: String!) { setRuleSetting(key: \"target.weight_total\", value: $v) { value } }";
    let d1 = f.d1.to_string();
    let cases: Vec<(&str, &str, &str, Value, Option<&str>)> = vec![
        ("NUL in a project name", &perf, create_project, project("学校\u{0}工程", "1.00"), Some("name")),
        ("a bidi override in a project name", &perf, create_project, project("\u{202E}程工", "1.00"), Some("name")),
        ("a blank project name", &perf, create_project, project("\u{3000}\u{200B} ", "1.00"), Some("name")),
        (
            "an amount above the maximum",
            &perf,
            create_project,
            project("学校", "10000000000000.00"),
            Some("requestedAmount"),
        ),
        ("NUL in an indicator name", &perf, create_library, library("人数\u{0}"), Some("name")),
        ("a blank indicator name", &perf, create_library, library("\u{FEFF} "), Some("name")),
        ("NUL in an organisation name", &admin, org, json!({ "n": "教育\u{0}局" }), None),
        ("a blank organisation name", &admin, org, json!({ "n": "\u{200B}" }), None),
        ("NUL in a display name", &admin, create_user, user("张\u{0}三"), Some("displayName")),
        ("a due date of 0000-01-01", &perf, open_round, round("0000-01-01", Value::Null), Some("dueDate")),
        ("a due date years away", &perf, open_round, round("2030-01-01", Value::Null), Some("dueDate")),
        ("a unit listed twice", &perf, open_round, round("2026-10-15", json!([d1, d1])), Some("unitIds")),
        (
            "an assessment listed twice",
            &perf,
            panel,
            json!({ "y": f.year.to_string(), "a": ["7", "7"] }),
            Some("assessmentIds"),
        ),
        ("NUL in a target's overall goal", &dept, save, target("保障\u{0}供应", "30"), Some("overallGoal")),
        ("a weight beyond its range", &dept, save, target("保障供应", "1000000000000000"), Some("weight")),
        ("a weight in exponent form", &dept, save, target("保障供应", "3e1"), Some("weight")),
        ("a rule value in exponent form", &admin, rule, json!({ "v": "9e1" }), Some("value")),
        ("a rule value above its range", &admin, rule, json!({ "v": "1000000" }), Some("value")),
    ];
    let before = counts(&app).await;
    for (what, token, query, vars, field) in cases {
        let res = app.gql(Some(token), query, vars).await;
        assert_eq!(res.code(), Some("BAD_USER_INPUT"), "{what}: {}", res.body);
        if field.is_some() {
            assert_eq!(res.field(), field, "{what}: {}", res.body);
        }
        assert_eq!(counts(&app).await, before, "{what} wrote something");
    }
}

/// An update that changes nothing is not a change: no audit entry.
#[tokio::test]
async fn an_update_that_changes_nothing_writes_no_audit_entry() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let (perf, admin) = (app.token(Actor::Performance).await, app.token(Actor::Admin).await);
    let unchanged = |name: &str| json!({ "id": f.p_d1.to_string(), "i": { "name": name, "requestedAmount": "10000", "isNew": false, "kind": "PROJECT" } });
    let update_project = "mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { name } }";
    let update_org = "mutation($id: ID!, $n: String!) { updateOrganisation(id: $id, input: { name: $n }) { name } }";
    let org_name = app
        .gql(Some(&perf), "query($id: ID!) { project(id: $id) { unit { name } } }", json!({ "id": f.p_d1.to_string() }))
        .await
        .ok()["project"]["unit"]["name"]
        .clone();
    let rule = "mutation($v: String!) { setRuleSetting(key: \"target.weight_total\", value: $v) { value } }";
    let update_user = "mutation($id: ID!) { updateUser(id: $id, input: { displayName: \" dept1 用户 \", active: true }) { displayName } }";
    let dept_user = f.user_id(Actor::Department).to_string();
    let before = app.count("audit_log").await;
    app.gql(Some(&perf), update_project, unchanged(" P-D1 项目 ")).await.ok();
    app.gql(Some(&admin), update_org, json!({ "id": f.d1.to_string(), "n": org_name })).await.ok();
    app.gql(Some(&admin), rule, json!({ "v": "90.00" })).await.ok();
    app.gql(Some(&admin), update_user, json!({ "id": dept_user })).await.ok();
    assert_eq!(app.count("audit_log").await, before, "no-op updates are not recorded");
    // A real change still is.
    app.gql(Some(&perf), update_project, unchanged("P-D1 项目（更名）")).await.ok();
    assert_eq!(app.count("audit_log").await, before + 1);
    assert_eq!(app.latest_audit().await.operation, "project.update");
}
