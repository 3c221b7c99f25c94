use jixiao_tests::TestApp;

#[tokio::test]
async fn healthz_reports_a_live_database() {
    let app = TestApp::spawn().await;
    let res = app.http().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.json::<serde_json::Value>().await.unwrap()["status"], "ok");
}

#[tokio::test]
async fn graphiql_is_served_in_development_only() {
    let app = TestApp::spawn().await;
    let res = app.http().get(app.url("/graphql")).send().await.unwrap();
    assert!(res.text().await.unwrap().contains("graphiql"));
    let prod = TestApp::spawn_with(|s| s.graphiql = false).await;
    let res = prod.http().get(prod.url("/graphql")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 405);
}
