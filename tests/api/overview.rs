use jixiao_tests::{Actor, TestApp};
use serde_json::json;

const OVERVIEW: &str = "query($y: ID!) { countyOverview(yearId: $y) { projectCount requestedTotal approvedTotal byBudgetType { budgetType projectCount requestedTotal approvedTotal } byUnitKind { unitKind unitCount projectCount requestedTotal } } }";

#[tokio::test]
async fn the_overview_sums_the_year_by_budget_type_and_unit_kind() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let perf = app.token(Actor::Performance).await;
    let q = "mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }";
    let fund = json!({ "yearId": f.year.to_string(), "unitId": f.t2.to_string(), "code": "FUND-1", "name": "场镇污水", "kind": "PROJECT", "budgetType": "GOVERNMENT_FUND", "requestedAmount": "50000.25", "isNew": true });
    let id = app.gql(Some(&perf), q, json!({ "i": fund })).await.ok()["createProject"]["id"].clone();
    // Approval sets the approved amount (request less cuts); set here directly.
    app.exec(&format!("UPDATE project SET approved_fen = 4000010 WHERE id = {}", id.as_str().unwrap())).await;
    let res = app.as_actor(Actor::Leadership, OVERVIEW, json!({ "y": f.year.to_string() })).await;
    let o = &res.ok()["countyOverview"];
    // Five fixture projects of 10,000.00 each, unapproved, plus the fund project.
    assert_eq!(o["projectCount"], 6);
    assert_eq!(o["requestedTotal"], "100000.25");
    assert_eq!(o["approvedTotal"], "40000.10");
    let by_type = o["byBudgetType"].as_array().unwrap();
    assert_eq!(by_type.len(), 4, "all four budgets are listed, even empty ones");
    let general = by_type.iter().find(|r| r["budgetType"] == "GENERAL_PUBLIC").unwrap();
    assert_eq!((general["projectCount"].as_i64(), general["requestedTotal"].as_str()), (Some(5), Some("50000.00")));
    let social = by_type.iter().find(|r| r["budgetType"] == "SOCIAL_INSURANCE").unwrap();
    assert_eq!((social["projectCount"].as_i64(), social["requestedTotal"].as_str()), (Some(0), Some("0.00")));
    let by_kind = o["byUnitKind"].as_array().unwrap();
    let towns = by_kind.iter().find(|r| r["unitKind"] == "TOWNSHIP").unwrap();
    assert_eq!(
        (towns["unitCount"].as_i64(), towns["projectCount"].as_i64(), towns["requestedTotal"].as_str()),
        (Some(2), Some(3), Some("70000.25"))
    );
    let depts = by_kind.iter().find(|r| r["unitKind"] == "DEPARTMENT").unwrap();
    assert_eq!((depts["unitCount"].as_i64(), depts["projectCount"].as_i64()), (Some(3), Some(3)));
}
