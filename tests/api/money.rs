//! Money is exact on both databases: integer fen in storage, decimal strings
//! on the wire.

use jixiao_tests::{Actor, TestApp};
use serde_json::json;

const CREATE: &str = "mutation($input: CreateProjectInput!) { createProject(input: $input) { id requestedAmount } }";

#[tokio::test]
async fn amounts_round_trip_exactly_at_the_extremes() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    for (i, requested) in ["0.10", "9999999999999.99", "12345678901.89", "0", "0.01"].iter().enumerate() {
        let input = json!({
            "yearId": app.fixture.year.to_string(), "unitId": app.fixture.d1.to_string(),
            "code": format!("M-{i}"), "name": "金额往返", "kind": "PROJECT", "budgetType": "GENERAL_PUBLIC",
            "requestedAmount": requested, "isNew": true,
        });
        let created = app.gql(Some(&token), CREATE, json!({ "input": input })).await;
        let p = &created.ok()["createProject"];
        let want = |s: &str| format!("{:.2}", s.parse::<rust_decimal::Decimal>().unwrap());
        assert_eq!(p["requestedAmount"], want(requested));
        // Read back through a fresh query, not the mutation's echo.
        let read = app
            .gql(Some(&token), "query($id: ID!) { project(id: $id) { requestedAmount } }", json!({ "id": p["id"] }))
            .await;
        assert_eq!(read.ok()["project"]["requestedAmount"], want(requested));
    }
}

#[tokio::test]
async fn sums_in_the_overview_are_exact() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Performance).await;
    for (i, amount) in ["0.10", "0.20", "9999999999999.99"].iter().enumerate() {
        let input = json!({
            "yearId": app.fixture.year.to_string(), "unitId": app.fixture.d2.to_string(),
            "code": format!("S-{i}"), "name": "求和", "kind": "PROJECT", "budgetType": "STATE_CAPITAL",
            "requestedAmount": amount, "isNew": false,
        });
        app.gql(Some(&token), CREATE, json!({ "input": input })).await.ok();
    }
    let res = app
        .gql(
            Some(&token),
            "query($y: ID!) { countyOverview(yearId: $y) { byBudgetType { budgetType requestedTotal } } }",
            json!({ "y": app.fixture.year.to_string() }),
        )
        .await;
    let rows = res.ok()["countyOverview"]["byBudgetType"].as_array().unwrap().clone();
    let state = rows.iter().find(|r| r["budgetType"] == "STATE_CAPITAL").unwrap();
    assert_eq!(state["requestedTotal"], "10000000000000.29");
}
