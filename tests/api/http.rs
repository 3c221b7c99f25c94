//! HTTP as a careful server does it (issue 8 item 7).

use jixiao_tests::{PASSWORD, TestApp};
use serde_json::{Value, json};

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let graphql = app.http().post(app.url("/graphql")).json(&json!({ "query": "{ __typename }" }));
    let refused = app.http().post(app.url("/graphql")).body("x");
    for (what, request) in [
        ("page", app.http().get(app.url("/"))),
        ("health", app.http().get(app.url("/healthz"))),
        ("graphql", graphql),
        ("refused", refused),
        ("export", app.http().get(app.url("/exports/audit-log.xlsx"))),
    ] {
        let res = request.send().await.unwrap();
        let header = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let csp = header("content-security-policy");
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{what}: {csp:?}");
        assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp:?}");
        assert!(!csp.contains("unsafe-inline"), "{what}: {csp:?}");
        assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{what}");
    }
}

#[tokio::test]
async fn graphql_takes_json_only() {
    let app = TestApp::spawn().await;
    let body = json!({ "query": "{ __typename }" }).to_string();
    for content_type in
        [None, Some("text/plain"), Some("application/x-www-form-urlencoded"), Some("multipart/form-data")]
    {
        let mut request = app.http().post(app.url("/graphql")).body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let res = request.send().await.unwrap();
        assert_eq!(res.status().as_u16(), 415, "{content_type:?}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "UNSUPPORTED_MEDIA_TYPE", "{content_type:?}");
    }
    let res = app
        .http()
        .post(app.url("/graphql"))
        .header("content-type", "application/json; charset=utf-8")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["data"]["__typename"], "Query");
}

#[tokio::test]
async fn an_oversize_body_gets_413_as_json_at_the_documented_limit() {
    let app = TestApp::spawn().await;
    // The README's limit is 8 MiB: a body just under it is read, one over it is not.
    assert_eq!(app.settings.max_body_bytes, 8 * 1024 * 1024);
    let padded = |size: usize| {
        let mut body = r#"{"query":"{ __typename }","variables":{"pad":""#.to_owned();
        body.push_str(&"x".repeat(size - body.len() - 3));
        body.push_str(r#""}}"#);
        body
    };
    let send = |body: String| {
        app.http().post(app.url("/graphql")).header("content-type", "application/json").body(body).send()
    };
    let under = send(padded(8 * 1024 * 1024 - 16)).await.unwrap();
    assert_eq!(under.status().as_u16(), 200);
    let over = send(padded(8 * 1024 * 1024 + 16)).await.unwrap();
    assert_eq!(over.status().as_u16(), 413);
    let body: Value = over.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn introspection_is_off_in_production() {
    let query = json!({ "query": "{ __schema { queryType { name } } }" });
    let dev = TestApp::spawn().await;
    let res = dev.gql(None, query["query"].as_str().unwrap(), json!({})).await;
    assert_eq!(res.ok()["__schema"]["queryType"]["name"], "Query");
    let prod = TestApp::spawn_with(|s| s.introspection = false).await;
    // async-graphql answers introspection fields with null when it is off.
    let res = prod.gql(None, query["query"].as_str().unwrap(), json!({})).await;
    assert!(res.body["data"]["__schema"].is_null(), "{}", res.body);
    let res = prod.gql(None, "{ __type(name: \"Query\") { name } }", json!({})).await;
    assert!(res.body["data"]["__type"].is_null(), "{}", res.body);
    // Ordinary queries still work.
    let res = prod.gql(None, "{ __typename }", json!({})).await;
    assert_eq!(res.ok()["__typename"], "Query");
}

#[tokio::test]
async fn an_access_token_stops_working_at_logout() {
    let app = TestApp::spawn().await;
    let me = "{ me { username } }";
    let first = app.login("dept1", PASSWORD).await;
    let second = app.login("dept1", PASSWORD).await;
    let access = first.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
    let refresh = first.ok()["login"]["refreshToken"].as_str().unwrap().to_owned();
    let other = second.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
    app.gql(Some(&access), me, json!({})).await.ok();
    let out = app.gql(None, "mutation($t: String!) { logout(refreshToken: $t) }", json!({ "t": refresh })).await;
    assert_eq!(out.ok()["logout"], true);
    app.gql(Some(&access), me, json!({})).await.expect_code("UNAUTHENTICATED");
    let export = app.http().get(app.url("/exports/audit-log.xlsx")).bearer_auth(&access).send().await.unwrap();
    assert_eq!(export.status().as_u16(), 401);
    // The user's other session goes on.
    app.gql(Some(&other), me, json!({})).await.ok();
}
