use jixiao_tests::{Actor, TestApp};
use serde_json::json;

#[tokio::test]
async fn a_year_moves_through_its_statuses_and_then_stays_closed() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Admin).await;
    let created = app.gql(Some(&token), "mutation { createYear(year: 2027) { id status } }", json!({})).await;
    assert_eq!(created.ok()["createYear"]["status"], "DRAFTING");
    let id = created.ok()["createYear"]["id"].clone();
    let advance = "mutation($id: ID!) { advanceYear(id: $id) { status } }";
    for want in ["EXECUTING", "FINAL_ACCOUNTS", "CLOSED"] {
        let res = app.gql(Some(&token), advance, json!({ "id": id })).await;
        assert_eq!(res.ok()["advanceYear"]["status"], want);
    }
    app.gql(Some(&token), advance, json!({ "id": id })).await.expect_code("CONFLICT");
    app.gql(Some(&token), "mutation { createYear(year: 2027) { id } }", json!({})).await.expect_code("CONFLICT");
    app.gql(Some(&token), "mutation { createYear(year: 1999) { id } }", json!({})).await.expect_code("BAD_USER_INPUT");
    let years = app.as_actor(Actor::Department, "{ years { year status } }", json!({})).await;
    let list: Vec<i64> = years.ok()["years"].as_array().unwrap().iter().map(|y| y["year"].as_i64().unwrap()).collect();
    assert_eq!(list, vec![2027, 2026, 2024], "newest first");
}
