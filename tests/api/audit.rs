//! The 审计管理员's workspace: the audit log searched by actor, operation,
//! object and time (newest first, a page at a time), and exported as .xlsx
//! through the product's export route.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jixiao_tests::{Actor, Backend, Gql, TestApp};
use serde_json::{Value, json};

const SEARCH: &str = "query($f: AuditFilterInput, $first: Int, $after: String) { auditLog(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id at actorName operation operationLabel objectType objectTypeLabel objectId before after } } } }";

async fn search(app: &TestApp, token: &str, filter: Value, first: i32) -> Gql {
    app.gql(Some(token), SEARCH, json!({ "f": filter, "first": first })).await
}

fn nodes(res: &Gql) -> Vec<Value> {
    res.ok()["auditLog"]["edges"].as_array().unwrap().iter().map(|e| e["node"].clone()).collect()
}

/// Three recorded changes by two actors: a renamed project, a new year, a renamed unit.
async fn some_history(app: &TestApp) {
    let f = &app.fixture;
    let rename = "mutation($id: ID!) { updateProject(id: $id, input: { name: \"审计改名\" }) { id } }";
    app.as_actor(Actor::Department, rename, json!({ "id": f.p_d1.to_string() })).await.ok();
    app.as_actor(Actor::Admin, "mutation { createYear(year: 2031) { id } }", json!({})).await.ok();
    let unit = "mutation($id: ID!) { updateOrganisation(id: $id, input: { name: \"县教育和体育局\" }) { id } }";
    app.as_actor(Actor::Admin, unit, json!({ "id": f.d1.to_string() })).await.ok();
}

#[tokio::test]
async fn the_auditor_searches_by_actor_operation_object_and_time_newest_first() {
    let app = TestApp::spawn().await;
    let started = chrono::Utc::now();
    some_history(&app).await;
    let auditor = app.token(Actor::AuditAdmin).await;

    let all = search(&app, &auditor, json!({}), 100).await;
    let ids: Vec<i64> = nodes(&all).iter().map(|n| n["id"].as_str().unwrap().parse().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");

    let by_admin = search(&app, &auditor, json!({ "actor": "admin" }), 10).await;
    let changes: Vec<Value> =
        nodes(&by_admin).into_iter().filter(|n| !n["operation"].as_str().unwrap().starts_with("session.")).collect();
    let ops: Vec<&str> = changes.iter().map(|n| n["operation"].as_str().unwrap()).collect();
    assert_eq!(ops, ["organisation.update", "year.create"]);
    let first = &changes[0];
    assert_eq!(first["operationLabel"], "修改单位");
    assert_eq!(first["objectTypeLabel"], "单位");
    assert!(first["after"].as_str().unwrap().contains("县教育和体育局"));

    let exact = search(&app, &auditor, json!({ "operation": "project.update" }), 10).await;
    assert_eq!(exact.ok()["auditLog"]["totalCount"], 1);
    assert_eq!(nodes(&exact)[0]["actorName"], "dept1");
    let prefix = search(&app, &auditor, json!({ "operation": "session." }), 100).await;
    assert!(nodes(&prefix).iter().all(|n| n["operation"].as_str().unwrap().starts_with("session.")));
    assert!(!nodes(&prefix).is_empty());

    let object = json!({ "objectType": "project", "objectId": app.fixture.p_d1.to_string() });
    assert_eq!(search(&app, &auditor, object, 10).await.ok()["auditLog"]["totalCount"], 1);
    let window = json!({ "from": started.to_rfc3339(), "to": (started + chrono::Duration::hours(1)).to_rfc3339(), "actor": "dept1" });
    let res = search(&app, &auditor, window, 10).await;
    assert!(nodes(&res).iter().any(|n| n["operation"] == "project.update"));
    let past = json!({ "to": (started - chrono::Duration::days(1)).to_rfc3339() });
    assert_eq!(search(&app, &auditor, past, 10).await.ok()["auditLog"]["totalCount"], 0);

    // Pages follow one another without gaps or repeats.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let res = app.gql(Some(&auditor), SEARCH, json!({ "f": {}, "first": 2, "after": after })).await;
        seen.extend(nodes(&res).iter().map(|n| n["id"].as_str().unwrap().parse::<i64>().unwrap()));
        let info = &res.ok()["auditLog"]["pageInfo"];
        if info["hasNextPage"] != true {
            break;
        }
        after = info["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(seen, ids);
}

#[tokio::test]
async fn bad_filters_are_refused_with_the_field() {
    let app = TestApp::spawn().await;
    let auditor = app.token(Actor::AuditAdmin).await;
    let res = search(&app, &auditor, json!({ "actor": "x".repeat(65) }), 10).await;
    assert_eq!((res.code(), res.field()), (Some("BAD_USER_INPUT"), Some("actor")));
    let now = chrono::Utc::now().to_rfc3339();
    let res = search(&app, &auditor, json!({ "from": now, "to": now }), 10).await;
    assert_eq!((res.code(), res.field()), (Some("BAD_USER_INPUT"), Some("to")));
    search(&app, &auditor, json!({}), 101).await.expect_code("BAD_USER_INPUT");
}

#[tokio::test]
async fn the_actor_search_uses_its_index() {
    if Backend::from_env() != Backend::Sqlite {
        return; // PostgreSQL picks plans by table statistics; the index exists on both.
    }
    use sea_orm::{ConnectionTrait, Statement};
    let app = TestApp::spawn().await;
    let plan = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE actor_name = 'admin' ORDER BY id DESC LIMIT 51",
        ))
        .await
        .unwrap();
    let text: Vec<String> = plan.iter().map(|r| r.try_get::<String>("", "detail").unwrap()).collect();
    assert!(text.iter().any(|d| d.contains("idx_audit_log_actor")), "{text:?}");
}

async fn download(app: &TestApp, token: Option<&str>, query: &str) -> reqwest::Response {
    let mut request = app.http().get(app.url(&format!("/exports/audit-log.xlsx{query}")));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("export request")
}

#[tokio::test]
async fn the_auditor_exports_its_search_as_xlsx_with_numbers_as_numbers() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let auditor = app.token(Actor::AuditAdmin).await;
    let res = download(&app, Some(&auditor), "?actor=admin&operation=organisation.").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("filename*=UTF-8''%E5%AE%A1%E8%AE%A1"));
    let bytes = res.bytes().await.unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an .xlsx");
    let sheet = book.worksheet_range("审计日志").expect("the sheet");
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows[0][0], Data::String("编号".into()));
    assert_eq!(rows.len(), 2, "the header and the one matching entry");
    let row = rows[1];
    assert!(matches!(row[0], Data::Float(_) | Data::Int(_)), "the id is a number: {:?}", row[0]);
    assert!(matches!(row[1], Data::DateTime(_)), "the time is a date-time: {:?}", row[1]);
    assert_eq!(row[2], Data::String("admin".into()));
    assert_eq!(row[4], Data::String("修改单位".into()));
    assert_eq!(row[7].to_string(), app.fixture.d1.to_string(), "the object id as a number");
    // Taking a copy of the log is itself recorded, with the filter.
    let audit = app.latest_audit().await;
    assert_eq!((audit.operation.as_str(), audit.actor_name.as_str()), ("audit.export", "auditor"));
    assert!(audit.after.unwrap().contains("organisation."));
}

#[tokio::test]
async fn only_the_auditor_exports_and_bad_requests_get_a_coded_json_error() {
    let app = TestApp::spawn().await;
    let code = |body: Value| body["errors"][0]["extensions"]["code"].as_str().map(str::to_owned);
    let res = download(&app, None, "").await;
    assert_eq!(res.status(), 401);
    assert_eq!(code(res.json().await.unwrap()).as_deref(), Some("UNAUTHENTICATED"));
    for actor in [Actor::Admin, Actor::SecurityAdmin, Actor::Performance, Actor::Leadership] {
        let token = app.token(actor).await;
        let res = download(&app, Some(&token), "").await;
        assert_eq!(res.status(), 403, "{actor:?}");
        assert_eq!(code(res.json().await.unwrap()).as_deref(), Some("FORBIDDEN"));
    }
    let auditor = app.token(Actor::AuditAdmin).await;
    let res = download(&app, Some(&auditor), "?from=yesterday").await;
    assert_eq!(res.status(), 400);
    assert_eq!(code(res.json().await.unwrap()).as_deref(), Some("BAD_USER_INPUT"));
    // An auditor holding a one-time password is held at the gate here too.
    app.exec(&format!(
        "UPDATE app_user SET must_change_password = true WHERE id = {}",
        app.fixture.user_id(Actor::AuditAdmin)
    ))
    .await;
    let res = download(&app, Some(&auditor), "").await;
    assert_eq!(res.status(), 403);
    assert_eq!(code(res.json().await.unwrap()).as_deref(), Some("PASSWORD_CHANGE_REQUIRED"));
}
