//! Rows and runners of issue 4's operations: monitoring rounds, reports,
//! decisions, the Excel import, statistics. Each cell opens its own round
//! covering just the target unit.

use std::sync::atomic::{AtomicU32, Ordering};

use backend::monitoring::import::entity as job;
use backend::monitoring::rounds::{entity as round, unit as round_unit};
use chrono::Utc;
use jixiao_tests::{Actor, Gql, TestApp};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::json;

use super::Want::*;
use super::{COUNTY_READERS, PERF_ONLY, Row, Want};

const SCOPED_OWN: [Want; 10] = [Ok, Ok, Ok, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden];
const SCOPED_OTHER: [Want; 10] =
    [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden];

pub const ROWS: &[Row] = &[
    ("monitoringRound", SCOPED_OWN, SCOPED_OTHER),
    ("closeMonitoringRound", PERF_ONLY, PERF_ONLY),
    (
        "monitoringRounds",
        SCOPED_OWN,
        [Hidden, Hidden, Hidden, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
    ),
    ("roundUnits", SCOPED_OWN, SCOPED_OTHER),
    ("roundReports", SCOPED_OWN, SCOPED_OTHER),
    ("roundUnitLights", SCOPED_OWN, SCOPED_OTHER),
    ("projectReport", SCOPED_OWN, SCOPED_OTHER),
    ("monitoringTemplate", SCOPED_OWN, SCOPED_OTHER),
    (
        "roundStatistics",
        COUNTY_READERS,
        [NotFound, NotFound, NotFound, Ok, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
    ),
    ("monitoringStatistics", COUNTY_READERS, COUNTY_READERS),
    (
        "importJob",
        [NotFound, NotFound, NotFound, Ok, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        [NotFound, NotFound, NotFound, Ok, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
    ),
    ("openMonitoringRound", PERF_ONLY, PERF_ONLY),
    (
        "submitProjectReport",
        [Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "submitRoundReport",
        [Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    (
        "reviewRoundReport",
        [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [Forbidden, Forbidden, NotFound, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
    ("decideProject", PERF_ONLY, PERF_ONLY),
    (
        "importExecution",
        [Ok, Ok, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        [NotFound, NotFound, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
    ),
];

static SERIAL: AtomicU32 = AtomicU32::new(0);

/// A round of the fixture's year covering only `unit`, with the unit's report
/// submitted if asked. Inserted directly, at a "month" past 12 that no opened
/// round can take (one round per year and month is a database constraint;
/// the lights read such a month as 12).
async fn round_for(app: &TestApp, unit: i64, submitted: bool) -> i64 {
    let month = 13 + i32::try_from(SERIAL.fetch_add(1, Ordering::Relaxed)).expect("a few hundred cells");
    let r = round::ActiveModel {
        year_id: Set(app.fixture.year),
        month: Set(month),
        due_date: Set("2099-12-31".into()),
        rule: Set("ratio".into()),
        light_rules: Set(None),
        status: Set("open".into()),
        created_by: Set(app.fixture.user_id(Actor::Performance)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("round");
    round_unit::ActiveModel {
        round_id: Set(r.id),
        unit_id: Set(unit),
        submitted_at: Set(submitted.then(Utc::now)),
        reviewed_at: Set(None),
        reviewed_by: Set(None),
        review_note: Set(String::new()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("round unit");
    r.id
}

pub async fn run(
    app: &TestApp,
    op: &str,
    actor: Actor,
    token: Option<&str>,
    unit: i64,
) -> Option<(Gql, Option<String>)> {
    let f = &app.fixture;
    let n = SERIAL.fetch_add(1, Ordering::Relaxed);
    let res = match op {
        "monitoringRounds" => {
            let r = round_for(app, unit, false).await;
            let q = "query($y: ID!) { monitoringRounds(yearId: $y) { id } }";
            (app.gql(token, q, json!({ "y": f.year.to_string() })).await, Some(r.to_string()))
        }
        "monitoringRound" => {
            let r = round_for(app, unit, false).await;
            (
                app.gql(token, "query($r: ID!) { monitoringRound(id: $r) { id } }", json!({ "r": r.to_string() }))
                    .await,
                None,
            )
        }
        "closeMonitoringRound" => {
            let r = round_for(app, unit, false).await;
            (
                app.gql(
                    token,
                    "mutation($r: ID!) { closeMonitoringRound(id: $r) { open } }",
                    json!({ "r": r.to_string() }),
                )
                .await,
                None,
            )
        }
        "roundUnits" | "roundReports" | "roundUnitLights" | "monitoringTemplate" | "roundStatistics" => {
            let r = round_for(app, unit, false).await;
            let q = match op {
                "roundUnits" => "query($r: ID!) { roundUnits(roundId: $r) { totalCount } }",
                "roundReports" => "query($r: ID!) { roundReports(roundId: $r) { totalCount } }",
                "roundUnitLights" => "query($r: ID!) { roundUnitLights(roundId: $r) { red } }",
                "monitoringTemplate" => "query($r: ID!) { monitoringTemplate(roundId: $r) }",
                _ => "query($r: ID!) { roundStatistics(roundId: $r) { lateUnits } }",
            };
            (app.gql(token, q, json!({ "r": r.to_string() })).await, None)
        }
        "projectReport" => {
            let r = round_for(app, unit, false).await;
            let p = jixiao_tests::fixture::approved_project(app, unit, &format!("MR-{n}")).await;
            let q = "query($r: ID!, $p: ID!) { projectReport(roundId: $r, projectId: $p) { id } }";
            (app.gql(token, q, json!({ "r": r.to_string(), "p": p.to_string() })).await, None)
        }
        "monitoringStatistics" => {
            let q = "query($y: ID!) { monitoringStatistics(yearId: $y) { lateUnits } }";
            (app.gql(token, q, json!({ "y": f.year.to_string() })).await, None)
        }
        "importJob" => {
            let r = round_for(app, unit, false).await;
            let j = job::ActiveModel {
                round_id: Set(r),
                status: Set("succeeded".into()),
                total: Set(0),
                processed: Set(0),
                errors: Set("[]".into()),
                applied: Set(0),
                created_by: Set(f.user_id(Actor::Performance)),
                created_at: Set(Utc::now()),
                finished_at: Set(None),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .expect("job");
            (
                app.gql(token, "query($j: ID!) { importJob(id: $j) { status } }", json!({ "j": j.id.to_string() }))
                    .await,
                None,
            )
        }
        "openMonitoringRound" => {
            // Cells' own rounds (round_for) use months past 12; opened rounds take real ones.
            let months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
            let month = months[usize::try_from(n).unwrap_or(0) % months.len()];
            let q = "mutation($y: ID!, $m: Int!, $u: [ID!]) { openMonitoringRound(yearId: $y, month: $m, dueDate: \"2026-10-10\", unitIds: $u) { id } }";
            (app.gql(token, q, json!({ "y": f.year.to_string(), "m": month, "u": [unit.to_string()] })).await, None)
        }
        "submitProjectReport" => {
            let r = round_for(app, unit, false).await;
            let p = jixiao_tests::fixture::approved_project(app, unit, &format!("MS-{n}")).await;
            let q = "mutation($r: ID!, $p: ID!, $i: [IndicatorReportInput!]!) { submitProjectReport(roundId: $r, projectId: $p, executedAmount: \"10.00\", indicators: $i) { id } }";
            let ind = json!([
                { "position": 0, "actual": "100", "likelihood": "CERTAIN", "reasons": [], "measures": "" },
                { "position": 1, "qualitative": "ACHIEVED", "likelihood": "CERTAIN", "reasons": [], "measures": "" }
            ]);
            (app.gql(token, q, json!({ "r": r.to_string(), "p": p.to_string(), "i": ind })).await, None)
        }
        "submitRoundReport" => {
            // The round covers the caller's own organisation for "own", another unit for "other".
            let covered = if unit == f.own_unit(actor) {
                match actor {
                    Actor::Township => f.t1,
                    _ => f.d1,
                }
            } else {
                unit
            };
            let r = round_for(app, covered, false).await;
            (
                app.gql(
                    token,
                    "mutation($r: ID!) { submitRoundReport(roundId: $r) { id } }",
                    json!({ "r": r.to_string() }),
                )
                .await,
                None,
            )
        }
        "reviewRoundReport" => {
            let r = round_for(app, unit, true).await;
            let q = "mutation($r: ID!, $u: ID!) { reviewRoundReport(roundId: $r, unitId: $u, note: \"已核\") { id } }";
            (app.gql(token, q, json!({ "r": r.to_string(), "u": unit.to_string() })).await, None)
        }
        "decideProject" => {
            let r = round_for(app, unit, false).await;
            let p = jixiao_tests::fixture::approved_project(app, unit, &format!("MD-{n}")).await;
            let q = "mutation($r: ID!, $p: ID!) { decideProject(roundId: $r, projectId: $p, kind: REDUCE, amount: \"1.00\") { kind } }";
            (app.gql(token, q, json!({ "r": r.to_string(), "p": p.to_string() })).await, None)
        }
        "importExecution" => {
            let r = round_for(app, unit, false).await;
            let file = jixiao_tests::workbook::workbook(&[("NONE", Some("1.00"), None)]);
            let q = "mutation($r: ID!, $f: String!) { importExecution(roundId: $r, fileBase64: $f) { id } }";
            (app.gql(token, q, json!({ "r": r.to_string(), "f": file })).await, None)
        }
        _ => return None,
    };
    Some(res)
}
