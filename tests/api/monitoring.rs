//! 绩效运行监控: rounds, unit reports with computed lights, the Excel import,
//! decisions into the ledger, statistics.

use std::time::Duration;

use jixiao_tests::fixture::approved_project;
use jixiao_tests::workbook::workbook;
use jixiao_tests::{Actor, Gql, TestApp};
use serde_json::{Value, json};

const OPEN: &str = "mutation($y: ID!, $m: Int!, $d: String!, $u: [ID!]) { openMonitoringRound(yearId: $y, month: $m, dueDate: $d, unitIds: $u) { id month } }";
const REPORT: &str = "mutation($r: ID!, $p: ID!, $e: Money!, $i: [IndicatorReportInput!]!) { submitProjectReport(roundId: $r, projectId: $p, executedAmount: $e, indicators: $i) { executionRate executionLight light indicators { name light } } }";
const JOB: &str =
    "query($j: ID!) { importJob(id: $j) { status total processed applied errors { row column message } } }";

fn entries(actual: &str, qualitative: &str) -> Value {
    json!([
        { "position": 0, "actual": actual, "likelihood": "POSSIBLE", "forecast": "1100", "reasons": ["FUNDING"], "measures": "加快资金拨付" },
        { "position": 1, "qualitative": qualitative, "likelihood": "CERTAIN", "reasons": [], "measures": "" }
    ])
}

async fn open_round(app: &TestApp, perf: &str, month: i32, due: &str, units: &[i64]) -> String {
    let u: Vec<String> = units.iter().map(|u| u.to_string()).collect();
    let res =
        app.gql(Some(perf), OPEN, json!({ "y": app.fixture.year.to_string(), "m": month, "d": due, "u": u })).await;
    res.ok()["openMonitoringRound"]["id"].as_str().unwrap().to_owned()
}

async fn wait_for(app: &TestApp, token: &str, job: &Value) -> Value {
    for _ in 0..100 {
        let res = app.gql(Some(token), JOB, json!({ "j": job })).await;
        let j = res.ok()["importJob"].clone();
        if j["status"] != "RUNNING" {
            return j;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("import did not finish");
}

#[tokio::test]
async fn execution_lights_follow_the_worked_examples_at_month_nine() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let round = open_round(&app, &perf, 9, "2026-10-10", &[app.fixture.d1]).await;
    for (i, (executed, light)) in
        [("40000.00", "RED"), ("45000.00", "YELLOW"), ("59900.00", "YELLOW"), ("60000.00", "GREEN")].iter().enumerate()
    {
        let p = approved_project(&app, app.fixture.d1, &format!("EX-{i}")).await;
        // Indicators on track (A 1000 of 1200 at month 9: 111 → green; 达成), so execution decides.
        let res = app
            .gql(
                Some(&dept),
                REPORT,
                json!({ "r": round, "p": p.to_string(), "e": executed, "i": entries("1000", "ACHIEVED") }),
            )
            .await;
        let r = &res.ok()["submitProjectReport"];
        assert_eq!(r["executionLight"], *light, "{executed}");
        assert_eq!(r["light"], *light, "{executed}");
    }
}

#[tokio::test]
async fn indicator_lights_follow_the_worked_examples_at_month_six() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let round = open_round(&app, &perf, 6, "2026-07-10", &[app.fixture.d1]).await;
    for (i, (actual, light, project_light)) in [
        ("300", "RED", "RED"),
        ("500", "GREEN", "GREEN"),
        ("800", "GREEN", "GREEN"),
        ("1500", "BLUE", "GREEN"),
        ("0", "RED", "RED"),
    ]
    .iter()
    .enumerate()
    {
        let p = approved_project(&app, app.fixture.d1, &format!("IN-{i}")).await;
        // Execution on schedule (50 % at month 6) so the indicator decides.
        let res = app
            .gql(
                Some(&dept),
                REPORT,
                json!({ "r": round, "p": p.to_string(), "e": "50000.00", "i": entries(actual, "ACHIEVED") }),
            )
            .await;
        let r = &res.ok()["submitProjectReport"];
        assert_eq!(r["indicators"][0]["light"], *light, "A = {actual}");
        assert_eq!(r["light"], *project_light, "A = {actual}: the worst light");
    }
    // The qualitative indicator: 部分达成 is yellow and makes the project yellow.
    let p = approved_project(&app, app.fixture.d1, "IN-Q").await;
    let res = app
        .gql(
            Some(&dept),
            REPORT,
            json!({ "r": round, "p": p.to_string(), "e": "50000.00", "i": entries("800", "PARTIAL") }),
        )
        .await;
    assert_eq!(res.ok()["submitProjectReport"]["light"], "YELLOW");
}

#[tokio::test]
async fn a_report_is_validated_and_refused_outside_scope() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let p = approved_project(&app, app.fixture.d1, "VAL-1").await;
    let other = approved_project(&app, app.fixture.d2, "VAL-2").await;
    let round = open_round(&app, &perf, 9, "2026-10-10", &[app.fixture.d1, app.fixture.d2]).await;
    let before = app.count("project_report").await;
    let cases: Vec<(Value, Value, &str)> = vec![
        (json!("100000.01"), entries("100", "ACHIEVED"), "executedAmount"),
        (json!("-1"), entries("100", "ACHIEVED"), "executedAmount"),
        (json!("10.00"), json!([]), "indicators"),
        (
            json!("10.00"),
            json!([{ "position": 0, "actual": "100", "likelihood": "POSSIBLE", "reasons": [], "measures": "" }, { "position": 1, "qualitative": "ACHIEVED", "likelihood": "CERTAIN", "reasons": [], "measures": "" }]),
            "indicators",
        ),
    ];
    for (executed, ind, field) in cases {
        let res =
            app.gql(Some(&dept), REPORT, json!({ "r": round, "p": p.to_string(), "e": executed, "i": ind })).await;
        res.expect_code("BAD_USER_INPUT");
        assert_eq!(res.field(), Some(field), "{}", res.body);
    }
    let res = app
        .gql(
            Some(&dept),
            REPORT,
            json!({ "r": round, "p": other.to_string(), "e": "1.00", "i": entries("1", "ACHIEVED") }),
        )
        .await;
    res.expect_code("NOT_FOUND");
    assert_eq!(app.count("project_report").await, before);
}

#[tokio::test]
async fn a_round_runs_two_units_report_by_form_and_by_import_and_the_performance_section_reduces() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let town = app.token(Actor::Township).await;
    let p_dept = approved_project(&app, f.d1, "RD-1").await;
    let p_town1 = approved_project(&app, f.t1, "RT-1").await;
    let p_town2 = approved_project(&app, f.t1, "RT-2").await;
    approved_project(&app, f.t1, "RT-3").await;
    let due = (chrono::Utc::now().date_naive() + chrono::Days::new(10)).format("%Y-%m-%d").to_string();
    let round = open_round(&app, &perf, 9, &due, &[f.d1, f.t1, f.d2]).await;

    // The department reports by form and submits.
    app.gql(
        Some(&dept),
        REPORT,
        json!({ "r": round, "p": p_dept.to_string(), "e": "45000.00", "i": entries("1000", "ACHIEVED") }),
    )
    .await
    .ok();
    app.gql(
        Some(&dept),
        "mutation($r: ID!) { submitRoundReport(roundId: $r) { submittedAt late } }",
        json!({ "r": round }),
    )
    .await
    .ok();

    // The township downloads the template (its own projects only) ...
    let template =
        app.gql(Some(&town), "query($r: ID!) { monitoringTemplate(roundId: $r) }", json!({ "r": round })).await;
    assert!(!template.ok()["monitoringTemplate"].as_str().unwrap().is_empty());
    // ... uploads a file with bad rows: nothing is applied, each row is named.
    let bad = workbook(&[
        ("RT-1", Some("30,000.00"), None),
        ("NO-SUCH", None, Some(10.0)),
        ("RT-2", Some("12a"), None),
        ("RD-1", None, Some(1.0)),
        ("RT-3", None, Some(100000.01)),
    ]);
    let started = app
        .gql(
            Some(&town),
            "mutation($r: ID!, $f: String!) { importExecution(roundId: $r, fileBase64: $f) { id status } }",
            json!({ "r": round, "f": bad }),
        )
        .await;
    let job = wait_for(&app, &town, &started.ok()["importExecution"]["id"]).await;
    assert_eq!(job["status"], "FAILED");
    assert_eq!(
        (job["total"].as_i64(), job["processed"].as_i64(), job["applied"].as_i64()),
        (Some(5), Some(5), Some(0))
    );
    let errors: Vec<(i64, String)> = job["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_i64().unwrap(), e["column"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "项目编码".into()),
            (4, "截至目前执行金额（元）".into()),
            (5, "项目编码".into()),
            (6, "截至目前执行金额（元）".into())
        ]
    );
    let nothing = app
        .gql(
            Some(&town),
            "query($r: ID!, $p: ID!) { projectReport(roundId: $r, projectId: $p) { id } }",
            json!({ "r": round, "p": p_town1.to_string() }),
        )
        .await;
    assert_eq!(nothing.ok()["projectReport"], Value::Null);
    // ... then a good file: numbers and text both read exactly.
    let good = workbook(&[("RT-1", Some("¥30,000.00"), None), ("RT-2", None, Some(75000.5))]);
    let started = app
        .gql(
            Some(&town),
            "mutation($r: ID!, $f: String!) { importExecution(roundId: $r, fileBase64: $f) { id } }",
            json!({ "r": round, "f": good }),
        )
        .await;
    let job = wait_for(&app, &town, &started.ok()["importExecution"]["id"]).await;
    assert_eq!((job["status"].as_str(), job["applied"].as_i64()), (Some("SUCCEEDED"), Some(2)));
    let read = app.gql(Some(&town), "query($r: ID!, $p: ID!) { projectReport(roundId: $r, projectId: $p) { executedAmount executionRate executionLight } }", json!({ "r": round, "p": p_town2.to_string() })).await;
    assert_eq!(
        read.ok()["projectReport"],
        json!({ "executedAmount": "75000.50", "executionRate": "75.00", "executionLight": "GREEN" })
    );
    let read = app
        .gql(
            Some(&town),
            "query($r: ID!, $p: ID!) { projectReport(roundId: $r, projectId: $p) { executedAmount executionLight } }",
            json!({ "r": round, "p": p_town1.to_string() }),
        )
        .await;
    assert_eq!(read.ok()["projectReport"], json!({ "executedAmount": "30000.00", "executionLight": "RED" }));

    // The dashboard: filter red, units × lights.
    let red = app.gql(Some(&perf), "query($r: ID!) { roundReports(roundId: $r, light: RED) { totalCount edges { node { project { code } } } } }", json!({ "r": round })).await;
    assert_eq!(red.ok()["roundReports"]["totalCount"], 1);
    assert_eq!(red.ok()["roundReports"]["edges"][0]["node"]["project"]["code"], "RT-1");
    let grid = app
        .gql(
            Some(&perf),
            "query($r: ID!) { roundUnitLights(roundId: $r) { unit { code } green yellow red } }",
            json!({ "r": round }),
        )
        .await;
    assert_eq!(
        grid.ok()["roundUnitLights"],
        json!([{ "unit": { "code": "D1" }, "green": 0, "yellow": 1, "red": 0 }, { "unit": { "code": "T1" }, "green": 1, "yellow": 0, "red": 1 }])
    );

    // The 绩效股 reduces the red project by 10,951.00; the ledger and statistics show it.
    let decide = "mutation($r: ID!, $p: ID!, $k: DecisionKind!, $a: Money) { decideProject(roundId: $r, projectId: $p, kind: $k, amount: $a, note: \"执行进度严重滞后\") { kind amount } }";
    app.gql(Some(&perf), decide, json!({ "r": round, "p": p_town1.to_string(), "k": "REDUCE" }))
        .await
        .expect_code("BAD_USER_INPUT");
    let d = app
        .gql(Some(&perf), decide, json!({ "r": round, "p": p_town1.to_string(), "k": "REDUCE", "a": "10951.00" }))
        .await;
    assert_eq!(d.ok()["decideProject"], json!({ "kind": "REDUCE", "amount": "10951.00" }));
    app.gql(Some(&perf), decide, json!({ "r": round, "p": p_town1.to_string(), "k": "RECOVER", "a": "1.00" }))
        .await
        .expect_code("CONFLICT");
    app.gql(Some(&perf), decide, json!({ "r": round, "p": p_dept.to_string(), "k": "CONTINUE" })).await.ok();
    let ledger = app
        .gql(
            Some(&perf),
            "query($y: ID!) { ledgerSummary(yearId: $y) { bySource { key count amount } byKind { key amount } } }",
            json!({ "y": f.year.to_string() }),
        )
        .await;
    assert_eq!(
        ledger.ok()["ledgerSummary"]["bySource"],
        json!([{ "key": "MONITORING", "count": 1, "amount": "10951.00" }])
    );
    let stats = app.gql(Some(&perf), "query($r: ID!) { roundStatistics(roundId: $r) { units { unitKind monitored submitted late } byLight { light projects } decisions { kind projects amount } } }", json!({ "r": round })).await;
    let s = &stats.ok()["roundStatistics"];
    assert_eq!(
        s["units"],
        json!([{ "unitKind": "DEPARTMENT", "monitored": 2, "submitted": 1, "late": 0 }, { "unitKind": "TOWNSHIP", "monitored": 1, "submitted": 0, "late": 0 }])
    );
    assert_eq!(
        s["byLight"],
        json!([{ "light": "BLUE", "projects": 0 }, { "light": "GREEN", "projects": 1 }, { "light": "YELLOW", "projects": 1 }, { "light": "RED", "projects": 1 }])
    );
    let reduce = s["decisions"].as_array().unwrap().iter().find(|d| d["kind"] == "REDUCE").unwrap().clone();
    assert_eq!(reduce, json!({ "kind": "REDUCE", "projects": 1, "amount": "10951.00" }));
    // Leadership reads the summary; the township cannot.
    app.as_actor(
        Actor::Leadership,
        "query($y: ID!) { monitoringStatistics(yearId: $y) { units { monitored } } }",
        json!({ "y": f.year.to_string() }),
    )
    .await
    .ok();
    app.gql(
        Some(&town),
        "query($r: ID!) { roundStatistics(roundId: $r) { byLight { light } } }",
        json!({ "r": round }),
    )
    .await
    .expect_code("FORBIDDEN");
}

#[tokio::test]
async fn a_unit_that_misses_the_due_date_is_flagged() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let round = open_round(&app, &perf, 9, "2026-01-01", &[app.fixture.d1, app.fixture.t1]).await;
    let units = app
        .gql(
            Some(&perf),
            "query($r: ID!) { roundUnits(roundId: $r) { edges { node { unit { code } late } } } }",
            json!({ "r": round }),
        )
        .await;
    let late: Vec<bool> = units.ok()["roundUnits"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["late"].as_bool().unwrap())
        .collect();
    assert_eq!(late, vec![true, true]);
    let stats = app
        .gql(Some(&perf), "query($r: ID!) { roundStatistics(roundId: $r) { lateUnits } }", json!({ "r": round }))
        .await;
    assert_eq!(stats.ok()["roundStatistics"]["lateUnits"], json!(["县教育局", "城关镇"]));
    let _: Gql =
        app.gql(Some(&perf), OPEN, json!({ "y": app.fixture.year.to_string(), "m": 9, "d": "2026-10-10" })).await;
}

#[tokio::test]
async fn a_department_submits_for_its_sub_unit_and_a_closed_round_takes_no_more() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let perf = app.token(Actor::Performance).await;
    let dept = app.token(Actor::Department).await;
    let round = open_round(&app, &perf, 9, "2027-12-31", &[f.d1, f.d1_sub, f.d2]).await;
    let submit =
        "mutation($r: ID!, $u: ID) { submitRoundReport(roundId: $r, unitId: $u) { unit { code } submittedAt } }";
    let sub = app.gql(Some(&dept), submit, json!({ "r": round, "u": f.d1_sub.to_string() })).await;
    assert_eq!(sub.ok()["submitRoundReport"]["unit"]["code"], "D1-SUB");
    app.gql(Some(&dept), submit, json!({ "r": round, "u": f.d2.to_string() })).await.expect_code("NOT_FOUND");
    let one =
        app.gql(Some(&dept), "query($r: ID!) { monitoringRound(id: $r) { month open } }", json!({ "r": round })).await;
    assert_eq!(one.ok()["monitoringRound"], json!({ "month": 9, "open": true }));
    app.gql(Some(&perf), "mutation($r: ID!) { closeMonitoringRound(id: $r) { open } }", json!({ "r": round }))
        .await
        .ok();
    let p = approved_project(&app, f.d1, "CL-1").await;
    let late = app
        .gql(Some(&dept), REPORT, json!({ "r": round, "p": p.to_string(), "e": "1.00", "i": entries("1", "ACHIEVED") }))
        .await;
    late.expect_code("CONFLICT");
    app.gql(Some(&dept), submit, json!({ "r": round })).await.expect_code("CONFLICT");
}
