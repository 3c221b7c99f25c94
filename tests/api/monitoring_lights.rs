//! Lights exact at their thresholds, and their numbers as rule settings that
//! each round keeps from the moment it was opened (issue 7 item 3).

use jixiao_tests::fixture::approved_project;
use jixiao_tests::{Actor, TestApp};
use serde_json::{Value, json};

const OPEN: &str = "mutation($y: ID!, $m: Int!, $d: String!, $u: [ID!]) { openMonitoringRound(yearId: $y, month: $m, dueDate: $d, unitIds: $u) { id lightRules { redBelow yellowBelow blueAtPercent floors { month percent } gapPoints } } }";
const REPORT: &str = "mutation($r: ID!, $p: ID!, $e: Money!, $i: [IndicatorReportInput!]!) { submitProjectReport(roundId: $r, projectId: $p, executedAmount: $e, indicators: $i) { executionRate executionLight light } }";
const SET: &str = "mutation($k: String!, $v: String!) { setRuleSetting(key: $k, value: $v) { key value } }";

/// Indicators on track (A 1000 of 1200: green at months 9 and 10; 达成), so execution decides.
fn on_track() -> Value {
    json!([
        { "position": 0, "actual": "1000", "likelihood": "CERTAIN", "reasons": [], "measures": "" },
        { "position": 1, "qualitative": "ACHIEVED", "likelihood": "CERTAIN", "reasons": [], "measures": "" }
    ])
}

async fn open(app: &TestApp, perf: &str, month: i32) -> Value {
    let vars =
        json!({ "y": app.fixture.year.to_string(), "m": month, "d": "2026-12-20", "u": [app.fixture.d1.to_string()] });
    app.gql(Some(perf), OPEN, vars).await.ok()["openMonitoringRound"].clone()
}

/// Reports `executed` (of a 100,000 budget) on a new project; returns (rate shown, execution light).
async fn report(app: &TestApp, dept: &str, round: &Value, code: &str, executed: &str) -> (String, String) {
    let p = approved_project(app, app.fixture.d1, code).await;
    let vars = json!({ "r": round["id"], "p": p.to_string(), "e": executed, "i": on_track() });
    let res = app.gql(Some(dept), REPORT, vars).await;
    let r = &res.ok()["submitProjectReport"];
    (r["executionRate"].as_str().unwrap().to_owned(), r["executionLight"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn lights_compare_exact_values_not_the_rounded_ones_shown() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let round = open(&app, &perf, 9).await;
    // Month 9 (序时进度 75 %): 44.97 % → 59.96, shown as 60.0 but below 60: red.
    // 59.97 % → 79.96: yellow. 44.999 % shows as 45.00 % and is still red.
    for (i, (executed, shown, light)) in [
        ("44970.00", "44.97", "RED"),
        ("45000.00", "45.00", "YELLOW"),
        ("59970.00", "59.97", "YELLOW"),
        ("60000.00", "60.00", "GREEN"),
        ("44999.99", "45.00", "RED"),
    ]
    .iter()
    .enumerate()
    {
        let (rate, got) = report(&app, &dept, &round, &format!("EDGE-{i}"), executed).await;
        assert_eq!((rate.as_str(), got.as_str()), (*shown, *light), "{executed}");
    }
}

#[tokio::test]
async fn each_round_keeps_the_light_numbers_it_was_opened_with() {
    let app = TestApp::spawn().await;
    let admin = app.token(Actor::Admin).await;
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let september = open(&app, &perf, 9).await;
    assert_eq!(september["lightRules"]["redBelow"], "60");
    assert_eq!(september["lightRules"]["floors"][0], json!({ "month": 4, "percent": "25" }));

    // Red below 50 from now on: October's round takes it, September's keeps 60.
    let res = app.gql(Some(&admin), SET, json!({ "k": "monitoring.red_below", "v": "50" })).await;
    assert_eq!(res.ok()["setRuleSetting"]["value"], "50");
    let october = open(&app, &perf, 10).await;
    assert_eq!(october["lightRules"]["redBelow"], "50");
    assert_eq!(october["lightRules"]["yellowBelow"], "80");

    // 45 % at month 9 is 60 (yellow under both); 41.25 % is 55: red in
    // September (60), yellow in October's numbers at month 10 (45.83 → 55).
    let (_, sept) = report(&app, &dept, &september, "KEEP-1", "41250.00").await;
    assert_eq!(sept, "RED");
    let (_, oct) = report(&app, &dept, &october, "KEEP-2", "45834.00").await;
    assert_eq!(oct, "YELLOW");

    // The numbers stay a usable set: red above yellow is refused, nothing changes.
    let res = app.gql(Some(&admin), SET, json!({ "k": "monitoring.red_below", "v": "90" })).await;
    res.expect_code("BAD_USER_INPUT");
    let res = app.gql(Some(&admin), SET, json!({ "k": "monitoring.floor_6", "v": "10" })).await;
    res.expect_code("BAD_USER_INPUT");
    let settings = app.gql(Some(&admin), "{ ruleSettings { key value } }", json!({})).await;
    let red =
        settings.ok()["ruleSettings"].as_array().unwrap().iter().find(|s| s["key"] == "monitoring.red_below").cloned();
    assert_eq!(red.unwrap()["value"], "50");
    // Only the administrator sets them.
    let res = app.gql(Some(&perf), SET, json!({ "k": "monitoring.red_below", "v": "55" })).await;
    res.expect_code("FORBIDDEN");
}

#[tokio::test]
async fn a_year_counts_each_project_once_with_its_latest_light() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let september = open(&app, &perf, 9).await;
    let october = open(&app, &perf, 10).await;
    // P: red in September (40 % at month 9), green in October (90 % at month 10).
    let p = approved_project(&app, app.fixture.d1, "YEAR-P").await;
    let q = approved_project(&app, app.fixture.d1, "YEAR-Q").await;
    for (round, project, executed) in
        [(&september, p, "40000.00"), (&october, p, "90000.00"), (&september, q, "45000.00")]
    {
        let vars = json!({ "r": round["id"], "p": project.to_string(), "e": executed, "i": on_track() });
        app.gql(Some(&dept), REPORT, vars).await.ok();
    }
    // The unit declares September complete, not October.
    let submit = "mutation($r: ID!) { submitRoundReport(roundId: $r) { id } }";
    app.gql(Some(&dept), submit, json!({ "r": september["id"] })).await.ok();

    let q_year = "query($y: ID!) { monitoringStatistics(yearId: $y) { units { unitKind monitored submitted } byLight { light projects } } }";
    let year = app.gql(Some(&perf), q_year, json!({ "y": app.fixture.year.to_string() })).await;
    let stats = &year.ok()["monitoringStatistics"];
    let lights: Vec<(String, i64)> = stats["byLight"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["light"].as_str().unwrap().to_owned(), l["projects"].as_i64().unwrap()))
        .collect();
    // Two projects, each once: P with October's green, Q with September's yellow.
    let n = |light: &str| lights.iter().find(|l| l.0 == light).map_or(0, |l| l.1);
    assert_eq!((n("BLUE"), n("GREEN"), n("YELLOW"), n("RED")), (0, 1, 1, 0), "{lights:?}");
    // The unit is monitored once and has not submitted every round it is in.
    let departments =
        stats["units"].as_array().unwrap().iter().find(|u| u["unitKind"] == "DEPARTMENT").cloned().unwrap();
    assert_eq!((departments["monitored"].as_i64(), departments["submitted"].as_i64()), (Some(1), Some(0)));

    // One round alone still counts its own reports.
    let q_round = "query($r: ID!) { roundStatistics(roundId: $r) { byLight { light projects } } }";
    let round = app.gql(Some(&perf), q_round, json!({ "r": september["id"] })).await;
    let sept: i64 = round.ok()["roundStatistics"]["byLight"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["projects"].as_i64().unwrap())
        .sum();
    assert_eq!(sept, 2);
}
