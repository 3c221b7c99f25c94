use jixiao_tests::{Actor, TestApp, fixture};
use serde_json::{Value, json};

const CREATE: &str = "mutation($input: CreateProjectInput!) { createProject(input: $input) { id code name unit { id name } requestedAmount approvedAmount isNew kind budgetType year { year } } }";
const UPDATE: &str = "mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { id name requestedAmount approvedAmount } }";
const DELETE: &str = "mutation($id: ID!) { deleteProject(id: $id) }";
const LIST: &str = "query($f: ProjectFilter, $first: Int, $after: String) { projects(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code unit { id } } } } }";

fn input(app: &TestApp, code: &str) -> Value {
    json!({
        "yearId": app.fixture.year.to_string(), "code": code, "name": "义务教育学生营养改善计划",
        "kind": "PROJECT", "budgetType": "GENERAL_PUBLIC", "requestedAmount": "1200000.50", "isNew": true,
    })
}

fn ids(res: &Value) -> Vec<i64> {
    res["projects"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["id"].as_str().unwrap().parse().unwrap())
        .collect()
}

#[tokio::test]
async fn a_department_creates_a_project_for_its_own_unit() {
    let app = TestApp::spawn().await;
    let res = app.as_actor(Actor::Department, CREATE, json!({ "input": input(&app, "XM-NEW-1") })).await;
    let p = &res.ok()["createProject"];
    assert_eq!(p["unit"]["id"], app.fixture.d1.to_string());
    assert_eq!(p["requestedAmount"], "1200000.50");
    assert_eq!(p["approvedAmount"], Value::Null);
    assert_eq!(p["year"]["year"], 2026);
    let audit = app.latest_audit().await;
    assert_eq!(audit.operation, "project.create");
    assert_eq!(audit.actor_id, Some(app.fixture.user_id(Actor::Department)));
    assert!(audit.after.unwrap().contains("XM-NEW-1"));
}

/// Only approval sets the approved amount (the request less the ledger's
/// cuts): no role, not even a finance section, can type it.
#[tokio::test]
async fn no_one_sets_the_approved_amount_through_a_project_input() {
    let app = TestApp::spawn().await;
    let id = app.fixture.p_d1.to_string();
    let mut tokens = Vec::new();
    for actor in [Actor::Department, Actor::Section, Actor::Performance] {
        tokens.push(app.token(actor).await);
    }
    let before = (app.count("project").await, app.count("audit_log").await);
    for token in &tokens {
        let mut i = input(&app, "XM-APP");
        i["unitId"] = json!(app.fixture.d1.to_string());
        i["approvedAmount"] = json!("100.00");
        app.gql(Some(token), CREATE, json!({ "input": i })).await.expect_code("BAD_USER_INPUT");
        let res = app.gql(Some(token), UPDATE, json!({ "id": id, "input": { "approvedAmount": "1.00" } })).await;
        res.expect_code("BAD_USER_INPUT");
    }
    assert_eq!((app.count("project").await, app.count("audit_log").await), before);
    let q = "query($id: ID!) { project(id: $id) { approvedAmount } }";
    let read = app.gql(Some(&tokens[2]), q, json!({ "id": id })).await;
    assert_eq!(read.ok()["project"]["approvedAmount"], Value::Null);
}

#[tokio::test]
async fn a_finance_section_must_choose_a_unit_in_its_scope() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Section).await;
    let res = app.gql(Some(&token), CREATE, json!({ "input": input(&app, "XM-S1") })).await;
    res.expect_code("BAD_USER_INPUT");
    assert_eq!(res.field(), Some("unitId"));
    let mut i = input(&app, "XM-S1");
    i["unitId"] = json!(app.fixture.d2.to_string());
    app.gql(Some(&token), CREATE, json!({ "input": i })).await.expect_code("NOT_FOUND");
    i["unitId"] = json!(app.fixture.d1_sub.to_string());
    let ok = app.gql(Some(&token), CREATE, json!({ "input": i })).await;
    assert_eq!(ok.ok()["createProject"]["unit"]["id"], app.fixture.d1_sub.to_string());
    assert_eq!(ok.ok()["createProject"]["approvedAmount"], Value::Null);
}

#[tokio::test]
async fn each_invalid_field_is_reported_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Department).await;
    let before = app.count("project").await;
    let audit_before = app.count("audit_log").await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("requestedAmount", json!("-1.00"), "requestedAmount"),
        ("requestedAmount", json!("1.001"), "requestedAmount"),
        ("requestedAmount", json!("10000000000000.00"), "requestedAmount"),
        ("code", json!(""), "code"),
        ("code", json!("has space"), "code"),
        ("code", json!("P-D1"), "code"),
        ("name", json!("名".repeat(101)), "name"),
        ("name", json!("   "), "name"),
    ];
    for (key, value, field) in cases {
        let mut i = input(&app, "XM-BAD");
        i[key] = value.clone();
        let res = app.gql(Some(&token), CREATE, json!({ "input": i })).await;
        res.expect_code("BAD_USER_INPUT");
        assert_eq!(res.field(), Some(field), "{key}={value}: {}", res.body);
        assert!(
            res.message().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "Chinese message: {}",
            res.body
        );
    }
    assert_eq!(app.count("project").await, before);
    assert_eq!(app.count("audit_log").await, audit_before, "refused changes are not recorded as changes");
}

#[tokio::test]
async fn a_closed_year_is_read_only() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    let mut i = input(&app, "XM-OLD");
    i["yearId"] = json!(app.fixture.closed_year.to_string());
    i["unitId"] = json!(app.fixture.d1.to_string());
    app.gql(Some(&token), CREATE, json!({ "input": i })).await.expect_code("YEAR_CLOSED");
    let id = app.fixture.p_closed.to_string();
    app.gql(Some(&token), UPDATE, json!({ "id": id, "input": { "name": "改名" } })).await.expect_code("YEAR_CLOSED");
    app.gql(Some(&token), DELETE, json!({ "id": id })).await.expect_code("YEAR_CLOSED");
    let read = app.gql(Some(&token), "query($id: ID!) { project(id: $id) { name } }", json!({ "id": id })).await;
    assert_eq!(read.ok()["project"]["name"], "P-OLD 项目");
}

#[tokio::test]
async fn an_approved_project_is_locked_for_its_unit_and_cannot_be_deleted() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let id = app.fixture.p_d1.to_string();
    app.exec(&format!("UPDATE project SET approved_fen = 900000 WHERE id = {id}")).await;
    app.as_actor(Actor::Department, UPDATE, json!({ "id": id, "input": { "name": "改名" } }))
        .await
        .expect_code("CONFLICT");
    app.as_actor(Actor::Department, DELETE, json!({ "id": id })).await.expect_code("CONFLICT");
    app.gql(Some(&perf), DELETE, json!({ "id": id })).await.expect_code("CONFLICT");
    let read =
        app.gql(Some(&perf), "query($id: ID!) { project(id: $id) { approvedAmount } }", json!({ "id": id })).await;
    assert_eq!(read.ok()["project"]["approvedAmount"], "9000.00");
}

#[tokio::test]
async fn updates_and_deletes_are_audited_with_before_and_after() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Department).await;
    let id = app.fixture.p_d1.to_string();
    app.gql(Some(&token), UPDATE, json!({ "id": id, "input": { "name": "新名称", "requestedAmount": "20000.00" } }))
        .await
        .ok();
    let entry = app.latest_audit().await;
    assert_eq!(entry.operation, "project.update");
    assert!(entry.before.as_deref().unwrap().contains("P-D1 项目"));
    assert!(entry.before.as_deref().unwrap().contains("1000000"));
    assert!(entry.after.as_deref().unwrap().contains("新名称"));
    assert!(entry.after.as_deref().unwrap().contains("2000000"));
    app.gql(Some(&token), DELETE, json!({ "id": id })).await.ok();
    let entry = app.latest_audit().await;
    assert_eq!((entry.operation.as_str(), entry.after), ("project.delete", None));
}

#[tokio::test]
async fn a_department_sees_its_sub_units_and_a_section_its_assigned_units() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let dept = app.as_actor(Actor::Department, LIST, json!({ "first": 100 })).await;
    let mut seen = ids(dept.ok());
    seen.sort();
    let mut want = vec![f.p_d1, f.p_d1_sub, f.p_closed];
    want.sort();
    assert_eq!(seen, want);
    let section =
        app.as_actor(Actor::Section, LIST, json!({ "first": 100, "f": { "yearId": f.year.to_string() } })).await;
    let mut seen = ids(section.ok());
    seen.sort();
    assert_eq!(seen, vec![f.p_d1, f.p_d1_sub, f.p_t1]);
    let town = app.as_actor(Actor::Township, LIST, json!({ "first": 100 })).await;
    assert_eq!(ids(town.ok()), vec![f.p_t1]);
    let leader =
        app.as_actor(Actor::Leadership, LIST, json!({ "first": 100, "f": { "yearId": f.year.to_string() } })).await;
    assert_eq!(leader.ok()["projects"]["totalCount"], 5);
}

#[tokio::test]
async fn the_list_pages_by_cursor_without_gaps_or_repeats() {
    let app = TestApp::spawn().await;
    for i in 0..23 {
        fixture::add_project(&app.db, app.fixture.year, app.fixture.d2, &format!("PG-{i:02}"), None).await;
    }
    let token = app.token(Actor::Performance).await;
    let filter = json!({ "unitId": app.fixture.d2.to_string() });
    let mut after: Option<String> = None;
    let mut all = Vec::new();
    let mut pages = 0;
    loop {
        let res = app.gql(Some(&token), LIST, json!({ "f": filter, "first": 10, "after": after })).await;
        let data = res.ok().clone();
        assert_eq!(data["projects"]["totalCount"], 24);
        all.extend(ids(&data));
        pages += 1;
        if data["projects"]["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = data["projects"]["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(pages, 3);
    assert_eq!(all.len(), 24);
    let unique: std::collections::BTreeSet<_> = all.iter().collect();
    assert_eq!(unique.len(), 24);
}

#[tokio::test]
async fn the_list_filters_by_year_budget_type_kind_and_text() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    let mut i = input(&app, "XM-FUND");
    i["unitId"] = json!(app.fixture.d2.to_string());
    i["budgetType"] = json!("GOVERNMENT_FUND");
    i["kind"] = json!("POLICY");
    i["name"] = json!("农村公路建设政策");
    app.gql(Some(&token), CREATE, json!({ "input": i })).await.ok();
    let count = |f: Value| {
        let app = &app;
        let token = token.clone();
        async move {
            app.gql(Some(&token), LIST, json!({ "f": f, "first": 100 })).await.ok()["projects"]["totalCount"]
                .as_u64()
                .unwrap()
        }
    };
    assert_eq!(count(json!({ "budgetType": "GOVERNMENT_FUND" })).await, 1);
    assert_eq!(count(json!({ "kind": "POLICY" })).await, 1);
    assert_eq!(count(json!({ "search": "农村公路" })).await, 1);
    assert_eq!(count(json!({ "yearId": app.fixture.closed_year.to_string() })).await, 1);
    assert_eq!(count(json!({ "yearId": app.fixture.year.to_string(), "budgetType": "GENERAL_PUBLIC" })).await, 5);
}
