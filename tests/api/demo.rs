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
    // 2026: targets in every state of the chain.
    for state in
        ["DRAFT", "RETURNED", "PENDING_INITIAL", "PENDING_RECHECK", "PENDING_EXPERT", "PENDING_APPROVAL", "APPROVED"]
    {
        let perf = app.login("perf_demo", backend::demo::DEMO_PASSWORD).await;
        let perf = perf.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
        let res = app
            .gql(
                Some(&perf),
                "query($y: ID!, $s: TargetState) { targets(yearId: $y, state: $s) { totalCount } }",
                json!({ "y": current["id"], "s": state }),
            )
            .await;
        assert!(res.ok()["targets"]["totalCount"].as_i64().unwrap() > 0, "no demo target in {state}");
    }

    // Loading again is a no-op.
    backend::demo::seed_if_empty(&app.db, backend::config::HashCost::TEST).await.unwrap();
    assert_eq!(app.count("organisation WHERE kind = 'township'").await, 13);
}

/// The demo's 2025 is shaped like the seed report, and the report's figures
/// come out of the data: 8 projects assessed, 1 rejected with 4000万, 4
/// deferred (61518.94万), 40% of reviewed targets returned, 18 projects
/// adjusted by 210.66万 in review.
#[tokio::test]
async fn the_demo_year_2025_gives_the_seed_reports_figures() {
    let app = TestApp::spawn_with(|s| s.demo_data = true).await;
    let login = app.login("leader_demo", backend::demo::DEMO_PASSWORD).await;
    let token = login.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
    let years = app.gql(Some(&token), "{ years { id year } }", json!({})).await;
    let y2025 = years.ok()["years"].as_array().unwrap().iter().find(|y| y["year"] == 2025).unwrap()["id"].clone();
    let q = "query($y: ID!) { targetStatistics(yearId: $y) { assessed assessedByConclusion { conclusion count cut } targetsReviewed targetsReturned returnedShare projectsAdjusted adjustedAmount } }";
    let stats = app.gql(Some(&token), q, json!({ "y": y2025 })).await;
    let s = &stats.ok()["targetStatistics"];
    assert_eq!(s["assessed"], 8);
    let by =
        |c: &str| s["assessedByConclusion"].as_array().unwrap().iter().find(|r| r["conclusion"] == c).unwrap().clone();
    assert_eq!(by("REJECT"), json!({ "conclusion": "REJECT", "count": 1, "cut": "40000000.00" }));
    assert_eq!(by("DEFER"), json!({ "conclusion": "DEFER", "count": 4, "cut": "615189400.00" }));
    assert_eq!(shared::money::format_wan(by("DEFER")["cut"].as_str().unwrap().parse().unwrap()), "61,518.94");
    assert_eq!((s["targetsReviewed"].as_i64(), s["targetsReturned"].as_i64()), (Some(45), Some(18)));
    assert_eq!(s["returnedShare"], "40.00");
    assert_eq!(s["projectsAdjusted"], 18);
    assert_eq!(shared::money::format_wan(s["adjustedAmount"].as_str().unwrap().parse().unwrap()), "210.66");
}

/// The demo's September round: 181 departments and 13 townships monitored,
/// 12 projects reduced by 109.51万 — the seed report's sentence as a query.
#[tokio::test]
async fn the_demo_september_round_gives_the_seed_reports_monitoring_figures() {
    let app = TestApp::spawn_with(|s| s.demo_data = true).await;
    let login = app.login("perf_demo", backend::demo::DEMO_PASSWORD).await;
    let token = login.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
    let years = app.gql(Some(&token), "{ years { id year } }", json!({})).await;
    let y2026 = years.ok()["years"].as_array().unwrap().iter().find(|y| y["year"] == 2026).unwrap()["id"].clone();
    let rounds = app
        .gql(Some(&token), "query($y: ID!) { monitoringRounds(yearId: $y) { id month open } }", json!({ "y": y2026 }))
        .await;
    let september =
        rounds.ok()["monitoringRounds"].as_array().unwrap().iter().find(|r| r["month"] == 9).unwrap().clone();
    assert_eq!(september["open"], false);
    let q = "query($r: ID!) { roundStatistics(roundId: $r) { units { unitKind monitored submitted late } byLight { light projects } decisions { kind projects amount } } }";
    let stats = app.gql(Some(&token), q, json!({ "r": september["id"] })).await;
    let s = &stats.ok()["roundStatistics"];
    assert_eq!(
        s["units"],
        json!([{ "unitKind": "DEPARTMENT", "monitored": 181, "submitted": 181, "late": 0 }, { "unitKind": "TOWNSHIP", "monitored": 13, "submitted": 13, "late": 0 }])
    );
    let reduce = s["decisions"].as_array().unwrap().iter().find(|d| d["kind"] == "REDUCE").unwrap().clone();
    assert_eq!(reduce["projects"], 12);
    assert_eq!(shared::money::format_wan(reduce["amount"].as_str().unwrap().parse().unwrap()), "109.51");
    let lit: i64 = s["byLight"].as_array().unwrap().iter().map(|l| l["projects"].as_i64().unwrap()).sum();
    assert!(lit > 100, "every approved project reported: {lit}");
}
