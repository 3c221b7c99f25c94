//! Bad input gets a clear error with a stable code, and writes nothing.

use jixiao_tests::{Actor, TestApp};
use serde_json::json;

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
