//! Rows and runners of the indicator library (指标库): every user reads and
//! exports the active library; units propose; the 绩效股 keeps the library and
//! sees every proposal, a unit only its own.

use std::sync::atomic::{AtomicU32, Ordering};

use backend::indicators::entity as library;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jixiao_tests::{Actor, Gql, TestApp};
use sea_orm::ActiveModelTrait;
use serde_json::{Value, json};
use shared::indicators::{
    Comparator, Direction, Field, IndicatorSource, Level2, LibraryEntry, LibraryStatus, to_sheet_row,
};

use super::Row;
use super::Want::*;

const F: super::Want = Forbidden;
const UNITS_ONLY: [super::Want; 10] = [Ok, Ok, F, F, F, F, F, F, F, F];

pub const ROWS: &[Row] = &[
    // Queries: the row is a proposal of the target unit, listed with status PROPOSED.
    ("libraryIndicators", [Ok, Ok, F, Ok, F, F, F, F, F, F], [Hidden, Hidden, F, Ok, F, F, F, F, F, F]),
    ("exportLibraryIndicators", super::ALL_OK, super::ALL_OK),
    // Mutations
    ("proposeIndicator", UNITS_ONLY, UNITS_ONLY),
    ("reviewIndicator", super::PERF_ONLY, super::PERF_ONLY),
    ("createLibraryIndicator", super::PERF_ONLY, super::PERF_ONLY),
    ("importLibraryIndicators", super::PERF_ONLY, super::PERF_ONLY),
];

static SERIAL: AtomicU32 = AtomicU32::new(0);

fn entry(name: String) -> LibraryEntry {
    LibraryEntry {
        level2: Level2::Quantity,
        field: Field::Education,
        name,
        comparator: Comparator::AtLeast,
        unit: "人".into(),
        reference_value: "100".into(),
        scoring_standard: "按比例计分".into(),
        direction: Direction::Positive,
    }
}

fn input(name: String) -> Value {
    json!({
        "level2": "QUANTITY", "field": "EDUCATION", "name": name, "comparator": "AT_LEAST", "unit": "人",
        "referenceValue": "100", "scoringStandard": "按比例计分", "direction": "POSITIVE",
    })
}

/// A proposal of `unit`, written directly.
async fn proposal(app: &TestApp, unit: i64, name: &str) -> i64 {
    library::ActiveModel::new_entry(
        &entry(name.to_owned()),
        IndicatorSource::Characteristic,
        LibraryStatus::Proposed,
        Some(unit),
        chrono::Utc::now(),
    )
    .insert(&app.db)
    .await
    .expect("insert proposal")
    .id
}

pub async fn run(
    app: &TestApp,
    op: &str,
    _actor: Actor,
    token: Option<&str>,
    unit: i64,
) -> Option<(Gql, Option<String>)> {
    let n = SERIAL.fetch_add(1, Ordering::Relaxed);
    let name = format!("矩阵指标{n}");
    let res = match op {
        "libraryIndicators" => {
            let id = proposal(app, unit, &name).await;
            let q = "query($s: String) { libraryIndicators(search: $s, status: PROPOSED) { edges { node { id } } } }";
            (app.gql(token, q, json!({ "s": name })).await, Some(id.to_string()))
        }
        "exportLibraryIndicators" => {
            (app.gql(token, "{ exportLibraryIndicators(field: TRAINING) }", json!({})).await, None)
        }
        "proposeIndicator" => {
            let q = "mutation($i: LibraryIndicatorInput!) { proposeIndicator(input: $i) { id } }";
            (app.gql(token, q, json!({ "i": input(name) })).await, None)
        }
        "reviewIndicator" => {
            let id = proposal(app, unit, &name).await;
            let q = "mutation($id: ID!) { reviewIndicator(id: $id, accept: true) { id status } }";
            (app.gql(token, q, json!({ "id": id.to_string() })).await, None)
        }
        "createLibraryIndicator" => {
            let q = "mutation($i: LibraryIndicatorInput!) { createLibraryIndicator(input: $i) { id } }";
            (app.gql(token, q, json!({ "i": input(name) })).await, None)
        }
        "importLibraryIndicators" => {
            let file = backend::indicators::xlsx::write(&[to_sheet_row(&entry(name))]).expect("xlsx");
            let q =
                "mutation($f: String!) { importLibraryIndicators(fileBase64: $f) { created updated errors { row } } }";
            (app.gql(token, q, json!({ "f": STANDARD.encode(file) })).await, None)
        }
        _ => return None,
    };
    Some(res)
}
