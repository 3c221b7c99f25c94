//! The demo county loads on first start and every demo role can log in.

use jixiao_tests::TestApp;
use serde_json::json;

#[tokio::test]
async fn the_demo_county_is_shaped_like_the_seed_and_every_demo_user_logs_in() {
    let app = TestApp::spawn_with(|s| s.demo_data = true).await;
    let departments = app.count("organisation WHERE kind = 'department'").await;
    let townships = app.count("organisation WHERE kind = 'township'").await;
    let firms = app.count("organisation WHERE kind = 'evaluation_firm'").await;
    assert!(departments >= 180, "{departments} departments");
    assert_eq!(townships, 13);
    assert_eq!(firms, 2);
    for (username, _, role, _) in backend::demo::DEMO_USERS {
        let res = app.login(username, backend::demo::DEMO_PASSWORD).await;
        assert_eq!(res.ok()["login"]["user"]["role"], serde_json::to_value(role).unwrap(), "{username}");
    }
    let leader = app.login("leader_demo", backend::demo::DEMO_PASSWORD).await;
    let token = leader.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
    let years = app.gql(Some(&token), "{ years { id year status } }", json!({})).await;
    let current = years.ok()["years"].as_array().unwrap().iter().find(|y| y["status"] == "EXECUTING").unwrap().clone();
    let overview = app
        .gql(
            Some(&token),
            "query($y: ID!) { countyOverview(yearId: $y) { projectCount byBudgetType { projectCount } } }",
            json!({ "y": current["id"] }),
        )
        .await;
    let o = &overview.ok()["countyOverview"];
    assert!(o["projectCount"].as_i64().unwrap() >= 200, "a few hundred projects: {o}");
    assert!(
        o["byBudgetType"].as_array().unwrap().iter().all(|b| b["projectCount"].as_i64().unwrap() > 0),
        "all four budgets used: {o}"
    );
    // Loading again is a no-op.
    backend::demo::seed_if_empty(&app.db, backend::config::HashCost::TEST).await.unwrap();
    assert_eq!(app.count("organisation WHERE kind = 'township'").await, 13);
}
