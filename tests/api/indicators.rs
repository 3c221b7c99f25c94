//! The indicator library (指标库): the starter set, search and filters,
//! proposals and their review (入库), role refusals, and the spreadsheet
//! export and import (all or nothing).

use backend::indicators::{import, service, starter, xlsx};
use backend::viewer::Viewer;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jixiao_tests::{Actor, Gql, TestApp};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use shared::indicators::{Field, SHEET_HEADERS, validate_library_entry};
use shared::organisations::OrgKind;
use shared::roles::Role;

const LIST: &str = "query($search: String, $field: Field, $level1: Level1, $level2: Level2, $status: LibraryStatus, $first: Int, $after: String) {
  libraryIndicators(search: $search, field: $field, level1: $level1, level2: $level2, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id level1 level2 field name comparator unit referenceValue scoringStandard direction source status refusalReason proposedBy { id } } }
  } }";
const PROPOSE: &str = "mutation($i: LibraryIndicatorInput!) { proposeIndicator(input: $i) { id status source field name proposedBy { id } } }";
const CREATE: &str =
    "mutation($i: LibraryIndicatorInput!) { createLibraryIndicator(input: $i) { id status source level1 } }";
const REVIEW: &str = "mutation($id: ID!, $accept: Boolean!, $reason: String) { reviewIndicator(id: $id, accept: $accept, reason: $reason) { id status refusalReason } }";
const EXPORT: &str = "query($field: Field) { exportLibraryIndicators(field: $field) }";
const IMPORT: &str = "mutation($f: String!) { importLibraryIndicators(fileBase64: $f) { created updated errors { row column message } } }";

fn input(name: &str) -> Value {
    json!({
        "level2": "QUALITY", "field": "EDUCATION", "name": name, "comparator": "AT_LEAST", "unit": "%",
        "referenceValue": "95", "scoringStandard": "达到参考值得满分，每低1个百分点扣10%", "direction": "POSITIVE",
    })
}

fn nodes(res: &Gql) -> Vec<Value> {
    res.ok()["libraryIndicators"]["edges"].as_array().expect("edges").iter().map(|e| e["node"].clone()).collect()
}

fn total(res: &Gql) -> i64 {
    res.ok()["libraryIndicators"]["totalCount"].as_i64().expect("totalCount")
}

fn row(cells: [&str; 9]) -> [String; 9] {
    cells.map(String::from)
}

fn encode(rows: &[[String; 9]]) -> String {
    STANDARD.encode(xlsx::write(rows).expect("xlsx"))
}

async fn library_rows(app: &TestApp) -> i64 {
    app.count("library_indicator").await
}

#[tokio::test]
async fn the_starter_library_is_loaded_in_all_ten_fields_and_every_entry_is_valid() {
    let app = TestApp::spawn().await;
    let expected = i64::try_from(starter::entries().len()).unwrap();
    assert!(expected >= 150, "{expected} starter entries");
    assert_eq!(library_rows(&app).await, expected);
    for stored in backend::indicators::entity::Entity::find().all(&app.db).await.unwrap() {
        let entry = service::entry_of(&stored).unwrap();
        assert_eq!(validate_library_entry(&entry), vec![], "{entry:?}");
        assert_eq!((stored.status.as_str(), stored.source.as_str()), ("active", "library"));
    }
    for actor in Actor::ALL {
        let res = app.as_actor(actor, LIST, json!({ "first": 5 })).await;
        assert_eq!(total(&res), expected, "{actor:?} reads the active library");
    }
    let token = app.token(Actor::Department).await;
    for field in Field::ALL {
        let code = serde_json::to_value(field).unwrap();
        let res = app.gql(Some(&token), LIST, json!({ "field": code, "first": 100 })).await;
        assert!(total(&res) >= 10, "{field:?} has {} entries", total(&res));
        assert!(nodes(&res).iter().all(|n| n["field"] == code));
    }
    // Loading again is a no-op.
    starter::ensure_loaded(&app.db).await.unwrap();
    assert_eq!(library_rows(&app).await, expected);
}

#[tokio::test]
async fn search_field_and_level_filters_narrow_the_library_and_pages_follow_the_cursor() {
    let app = TestApp::spawn().await;
    let token = app.token(Actor::Township).await;
    let res = app.gql(Some(&token), LIST, json!({ "search": "满意度", "first": 100 })).await;
    assert!(total(&res) >= 10);
    assert!(nodes(&res).iter().all(|n| n["name"].as_str().unwrap().contains("满意度")));

    let res = app.gql(Some(&token), LIST, json!({ "level1": "SATISFACTION", "first": 100 })).await;
    assert_eq!(total(&res), 10, "one 满意度 indicator per field");
    assert!(nodes(&res).iter().all(|n| n["level1"] == "SATISFACTION" && n["level2"] == "SERVICE_SATISFACTION"));

    let res = app.gql(Some(&token), LIST, json!({ "field": "HEALTH", "level2": "QUANTITY", "first": 100 })).await;
    assert!(total(&res) >= 5);
    assert!(nodes(&res).iter().all(|n| n["field"] == "HEALTH" && n["level2"] == "QUANTITY"));

    let res = app.gql(Some(&token), LIST, json!({ "search": "受益学生人数", "field": "EDUCATION" })).await;
    let node = &nodes(&res)[0];
    assert_eq!((node["comparator"].as_str(), node["unit"].as_str()), (Some("AT_LEAST"), Some("人")));
    assert_eq!(node["direction"], "POSITIVE");
    assert!(!node["scoringStandard"].as_str().unwrap().is_empty());

    let first = app.gql(Some(&token), LIST, json!({ "first": 10 })).await;
    let cursor = first.ok()["libraryIndicators"]["pageInfo"]["endCursor"].clone();
    assert_eq!(first.ok()["libraryIndicators"]["pageInfo"]["hasNextPage"], true);
    let second = app.gql(Some(&token), LIST, json!({ "first": 10, "after": cursor })).await;
    let ids = |r: &Gql| nodes(r).iter().map(|n| n["id"].as_str().unwrap().parse::<i64>().unwrap()).collect::<Vec<_>>();
    let (a, b) = (ids(&first), ids(&second));
    assert_eq!(b.len(), 10);
    assert!(a.iter().max() < b.iter().min(), "{a:?} then {b:?}");
}

#[tokio::test]
async fn a_units_proposal_accepted_by_the_performance_section_joins_the_library_for_everyone() {
    let app = TestApp::spawn().await;
    let dept = app.token(Actor::Department).await;
    let res = app.gql(Some(&dept), PROPOSE, json!({ "i": input("课后服务覆盖率") })).await;
    let p = res.ok()["proposeIndicator"].clone();
    assert_eq!((p["status"].as_str(), p["source"].as_str()), (Some("PROPOSED"), Some("CHARACTERISTIC")));
    assert_eq!(p["proposedBy"]["id"], app.fixture.d1.to_string());
    let id = p["id"].as_str().unwrap().to_owned();
    let audit = app.latest_audit().await;
    assert_eq!((audit.operation.as_str(), audit.object_id.as_deref()), ("indicator.propose", Some(id.as_str())));

    let search = |status: &str| json!({ "search": "课后服务覆盖率", "status": status });
    let town = app.token(Actor::Township).await;
    assert_eq!(total(&app.gql(Some(&town), LIST, search("ACTIVE")).await), 0, "not in the library yet");
    assert_eq!(total(&app.gql(Some(&town), LIST, search("PROPOSED")).await), 0, "another unit's proposal");
    assert_eq!(total(&app.gql(Some(&dept), LIST, search("PROPOSED")).await), 1, "its own proposal");
    let perf = app.token(Actor::Performance).await;
    assert_eq!(total(&app.gql(Some(&perf), LIST, search("PROPOSED")).await), 1);

    let res = app.gql(Some(&perf), REVIEW, json!({ "id": id, "accept": true })).await;
    assert_eq!(res.ok()["reviewIndicator"]["status"], "ACTIVE");
    let audit = app.latest_audit().await;
    assert_eq!(audit.operation, "indicator.accept");
    assert!(audit.before.unwrap().contains("proposed") && audit.after.unwrap().contains("active"));
    for token in [&town, &dept] {
        let res = app.gql(Some(token), LIST, search("ACTIVE")).await;
        assert_eq!(nodes(&res)[0]["source"], "CHARACTERISTIC");
    }
    let expert = app.as_actor(Actor::Expert, LIST, search("ACTIVE")).await;
    assert_eq!(total(&expert), 1);

    let again = app.gql(Some(&perf), REVIEW, json!({ "id": id, "accept": false, "reason": "重复" })).await;
    again.expect_code("CONFLICT");
    let unknown = app.gql(Some(&perf), REVIEW, json!({ "id": "999999", "accept": true })).await;
    unknown.expect_code("NOT_FOUND");
}

#[tokio::test]
async fn a_refusal_needs_a_reason_which_the_proposing_unit_sees() {
    let app = TestApp::spawn().await;
    let town = app.token(Actor::Township).await;
    let mut i = input("场镇绿化养护面积");
    i["field"] = json!("ENVIRONMENT");
    i["level2"] = json!("QUANTITY");
    i["unit"] = json!("平方米");
    i["referenceValue"] = json!("20000");
    let id = app.gql(Some(&town), PROPOSE, json!({ "i": i })).await.ok()["proposeIndicator"]["id"].clone();
    let perf = app.token(Actor::Performance).await;
    let audit_before = app.count("audit_log WHERE operation LIKE 'indicator.%'").await;
    for reason in [Value::Null, json!("   ")] {
        let res = app.gql(Some(&perf), REVIEW, json!({ "id": id, "accept": false, "reason": reason })).await;
        res.expect_code("BAD_USER_INPUT");
        assert_eq!(res.field(), Some("reason"));
    }
    assert_eq!(app.count("audit_log WHERE operation LIKE 'indicator.%'").await, audit_before);
    let reason = "与共性指标“植树造林面积”口径重复";
    let res = app.gql(Some(&perf), REVIEW, json!({ "id": id, "accept": false, "reason": reason })).await;
    assert_eq!(res.ok()["reviewIndicator"]["status"], "REFUSED");
    assert_eq!(app.latest_audit().await.operation, "indicator.refuse");

    let refused = app.gql(Some(&town), LIST, json!({ "status": "REFUSED" })).await;
    assert_eq!(nodes(&refused).len(), 1);
    assert_eq!(nodes(&refused)[0]["refusalReason"], reason);
    let dept = app.as_actor(Actor::Department, LIST, json!({ "status": "REFUSED" })).await;
    assert_eq!(total(&dept), 0);
    let active = app.gql(Some(&town), LIST, json!({ "search": "场镇绿化养护面积" })).await;
    assert_eq!(total(&active), 0);
}

#[tokio::test]
async fn only_units_propose_and_only_the_performance_section_keeps_the_library() {
    let app = TestApp::spawn().await;
    let rows = library_rows(&app).await;
    let audits = app.count("audit_log WHERE operation LIKE 'indicator.%'").await;
    for actor in [Actor::Section, Actor::Performance, Actor::Leadership, Actor::Expert, Actor::Admin] {
        app.as_actor(actor, PROPOSE, json!({ "i": input("越权提议") })).await.expect_code("FORBIDDEN");
    }
    for actor in [Actor::Department, Actor::Township, Actor::Section, Actor::Leadership, Actor::Evaluator] {
        app.as_actor(actor, CREATE, json!({ "i": input("越权新增") })).await.expect_code("FORBIDDEN");
        let file = encode(&[row(["产出指标", "数量指标", "教育", "越权导入", "≥", "人", "1", "", "正向"])]);
        app.as_actor(actor, IMPORT, json!({ "f": file })).await.expect_code("FORBIDDEN");
        app.as_actor(actor, REVIEW, json!({ "id": "1", "accept": true })).await.expect_code("FORBIDDEN");
    }
    for actor in [Actor::Section, Actor::Leadership, Actor::Expert, Actor::Evaluator, Actor::Admin] {
        app.as_actor(actor, LIST, json!({ "status": "PROPOSED" })).await.expect_code("FORBIDDEN");
    }
    let anonymous = app.gql(None, LIST, json!({})).await;
    anonymous.expect_code("UNAUTHENTICATED");
    assert_eq!(library_rows(&app).await, rows);
    assert_eq!(app.count("audit_log WHERE operation LIKE 'indicator.%'").await, audits);
}

#[tokio::test]
async fn invalid_entries_are_refused_with_the_input_field_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let perf = app.token(Actor::Performance).await;
    let rows = library_rows(&app).await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("name", json!("  "), "name"),
        ("name", json!("名".repeat(101)), "name"),
        ("referenceValue", json!("90-95"), "referenceValue"),
        ("referenceValue", json!("9_5"), "referenceValue"),
        ("referenceValue", json!("约95"), "referenceValue"),
        ("unit", json!(""), "unit"),
        ("name", json!("受益学生人数"), "name"),
    ];
    for (key, value, field) in cases {
        let mut i = input("合格的名称");
        i[key] = value.clone();
        let res = app.gql(Some(&perf), CREATE, json!({ "i": i })).await;
        res.expect_code("BAD_USER_INPUT");
        assert_eq!(res.field(), Some(field), "{key}={value}: {}", res.body);
    }
    assert_eq!(library_rows(&app).await, rows);
    // The same name in another field is another indicator; 定性 needs no unit.
    let mut i = input("受益学生人数");
    i["field"] = json!("CULTURE");
    let res = app.gql(Some(&perf), CREATE, json!({ "i": i })).await;
    assert_eq!(res.ok()["createLibraryIndicator"]["status"], "ACTIVE");
    assert_eq!(res.ok()["createLibraryIndicator"]["source"], "LIBRARY");
    assert_eq!(app.latest_audit().await.operation, "indicator.create");
    let mut q = input("校园文化氛围");
    q["comparator"] = json!("QUALITATIVE");
    q["unit"] = json!("");
    q["referenceValue"] = json!("明显提升");
    q["level2"] = json!("SOCIAL");
    let res = app.gql(Some(&perf), CREATE, json!({ "i": q })).await;
    assert_eq!(res.ok()["createLibraryIndicator"]["level1"], "BENEFIT");
}

#[tokio::test]
async fn an_exported_library_imported_again_updates_every_row_and_creates_none() {
    let app = TestApp::spawn().await;
    let all = app.as_actor(Actor::Leadership, EXPORT, json!({})).await;
    let bytes = STANDARD.decode(all.ok()["exportLibraryIndicators"].as_str().unwrap()).unwrap();
    let rows = xlsx::read(&bytes).unwrap();
    let n = library_rows(&app).await;
    assert_eq!(i64::try_from(rows.len()).unwrap(), n);
    assert_eq!(rows[0].row, 2, "the header is row 1");
    assert_eq!(rows[0].cells[2], "教育");

    let health = app.as_actor(Actor::Department, EXPORT, json!({ "field": "HEALTH" })).await;
    let health =
        xlsx::read(&STANDARD.decode(health.ok()["exportLibraryIndicators"].as_str().unwrap()).unwrap()).unwrap();
    assert!(!health.is_empty() && health.iter().all(|r| r.cells[2] == "卫生健康"));

    let perf = app.token(Actor::Performance).await;
    let res = app.gql(Some(&perf), IMPORT, json!({ "f": STANDARD.encode(&bytes) })).await;
    let result = &res.ok()["importLibraryIndicators"];
    assert_eq!(result["errors"], json!([]));
    assert_eq!(result["created"], 0);
    assert_eq!(result["updated"].as_i64(), Some(n));
    assert_eq!(library_rows(&app).await, n);
    assert_eq!(app.latest_audit().await.operation, "indicator.import");
}

#[tokio::test]
async fn an_import_with_bad_rows_reports_each_row_and_column_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let rows = library_rows(&app).await;
    let audits = app.count("audit_log WHERE operation LIKE 'indicator.%'").await;
    let good = ["产出指标", "数量指标", "教育", "新建食堂面积", "≥", "平方米", "800", "按比例计分", "正向"];
    let mut file = vec![row(good)];
    let mut bad = |col: usize, value: &str| {
        let mut r = row(good);
        r[3] = format!("坏行{}", file.len());
        if col < 9 {
            r[col] = value.to_owned();
        }
        file.push(r);
    };
    bad(1, "产量指标"); // row 3: unknown 二级
    bad(3, ""); // row 4: empty name
    bad(3, &"名".repeat(101)); // row 5: name too long
    bad(6, "100*"); // row 6: symbol in the value
    bad(5, ""); // row 7: no unit for ≥
    bad(2, "宇宙"); // row 8: unknown field
    bad(4, "大于"); // row 9: unknown comparator
    bad(3, "新建食堂面积"); // row 10: duplicate of row 2
    bad(0, "效益指标"); // row 11: 一级 does not match 二级
    bad(8, "双向"); // row 12: unknown direction
    let perf = app.token(Actor::Performance).await;
    let res = app.gql(Some(&perf), IMPORT, json!({ "f": encode(&file) })).await;
    let result = &res.ok()["importLibraryIndicators"];
    assert_eq!((result["created"].as_i64(), result["updated"].as_i64()), (Some(0), Some(0)));
    let got: Vec<(i64, String)> = result["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_i64().unwrap(), e["column"].as_str().unwrap().to_owned()))
        .collect();
    let want: Vec<(i64, String)> = [
        (3, "二级指标"),
        (4, "指标名称"),
        (5, "指标名称"),
        (6, "参考值"),
        (7, "计量单位"),
        (8, "领域"),
        (9, "指标性质"),
        (10, "指标名称"),
        (11, "一级指标"),
        (12, "指标方向"),
    ]
    .into_iter()
    .map(|(r, c)| (r, c.to_owned()))
    .collect();
    assert_eq!(got, want, "{result}");
    assert!(result["errors"].as_array().unwrap().iter().all(|e| !e["message"].as_str().unwrap().is_empty()));
    assert_eq!(library_rows(&app).await, rows, "all or nothing: the good row was not written either");
    assert_eq!(app.count("audit_log WHERE operation LIKE 'indicator.%'").await, audits);
    assert_eq!(SHEET_HEADERS[3], "指标名称");
}

#[tokio::test]
async fn an_import_creates_new_rows_and_updates_existing_ones() {
    let app = TestApp::spawn().await;
    let rows = library_rows(&app).await;
    let file = encode(&[
        row(["产出指标", "数量指标", "教育", "新建食堂面积", "≥", "平方米", "800", "按比例计分", "正向"]),
        row(["效益指标", "社会效益", "卫生健康", "家庭医生签约率", ">=", "%", "45", "按比例计分", "正向"]),
        row(["产出指标", "数量指标", "教育", "受益学生人数", "≥", "人", "8000", "按比例计分", "正向"]),
    ]);
    let perf = app.token(Actor::Performance).await;
    let res = app.gql(Some(&perf), IMPORT, json!({ "f": file })).await;
    let result = &res.ok()["importLibraryIndicators"];
    assert_eq!(result["errors"], json!([]));
    assert_eq!((result["created"].as_i64(), result["updated"].as_i64()), (Some(2), Some(1)));
    assert_eq!(library_rows(&app).await, rows + 2);
    let token = app.token(Actor::Township).await;
    let res = app.gql(Some(&token), LIST, json!({ "search": "受益学生人数", "field": "EDUCATION" })).await;
    assert_eq!(nodes(&res)[0]["referenceValue"], "8000");
    let res = app.gql(Some(&token), LIST, json!({ "search": "家庭医生签约率" })).await;
    let node = &nodes(&res)[0];
    assert_eq!((node["level2"].as_str(), node["field"].as_str()), (Some("SOCIAL"), Some("HEALTH")));
    assert_eq!((node["status"].as_str(), node["source"].as_str()), (Some("ACTIVE"), Some("LIBRARY")));
}

#[tokio::test]
async fn unreadable_and_oversized_files_are_refused() {
    let app = TestApp::spawn_with(|s| s.max_body_bytes = 8 * 1024 * 1024).await;
    let perf = app.token(Actor::Performance).await;
    for file in ["not base64 at all!", &STANDARD.encode("plain text, not a workbook")] {
        let res = app.gql(Some(&perf), IMPORT, json!({ "f": file })).await;
        res.expect_code("BAD_USER_INPUT");
        assert_eq!(res.field(), Some("fileBase64"));
    }
    let big = STANDARD.encode(vec![0u8; import::MAX_IMPORT_BYTES + 1]);
    let res = app.gql(Some(&perf), IMPORT, json!({ "f": big })).await;
    res.expect_code("BAD_USER_INPUT");
    assert_eq!(res.field(), Some("fileBase64"));
    assert!(res.message().unwrap().contains("5 MB"), "{}", res.body);

    // The same rule holds for a caller of the service itself.
    let viewer = Viewer {
        user_id: app.fixture.user_id(Actor::Performance),
        username: "perf".into(),
        role: Role::FinanceSection,
        org_kind: OrgKind::PerformanceSection,
        org_id: app.fixture.performance,
        restriction: None,
    };
    let err = import::import(&app.db, &viewer, &big).await.unwrap_err();
    assert_eq!(err.code(), "BAD_USER_INPUT");
}

#[tokio::test]
async fn the_demo_county_has_proposals_waiting_for_the_performance_section() {
    let app = TestApp::spawn_with(|s| s.demo_data = true).await;
    let perf = demo_token(&app, "perf_demo").await;
    let dept = demo_token(&app, "dept_demo").await;
    let town = demo_token(&app, "town_demo").await;
    let proposed = app.gql(Some(&perf), LIST, json!({ "status": "PROPOSED" })).await;
    assert_eq!(total(&proposed), 3);
    assert_eq!(total(&app.gql(Some(&dept), LIST, json!({ "status": "PROPOSED" })).await), 2);
    assert_eq!(total(&app.gql(Some(&town), LIST, json!({ "status": "PROPOSED" })).await), 1);
    let refused = app.gql(Some(&town), LIST, json!({ "status": "REFUSED" })).await;
    assert!(nodes(&refused)[0]["refusalReason"].as_str().is_some());
}

async fn demo_token(app: &TestApp, username: &str) -> String {
    let res = app.login(username, backend::demo::DEMO_PASSWORD).await;
    res.ok()["login"]["accessToken"].as_str().unwrap().to_owned()
}
