//! Every GraphQL document the frontend sends is valid against the committed
//! schema (issue 13 item 4): a field renamed or a variable retyped on the
//! server fails here, not on a screen at run time.
//!
//! The frontend's documents are the `.graphql` files under
//! `frontend/src/api/graphql/`, one operation each, sent with the fragments
//! they reach from `fragments.graphql` by `shared::graphql_document::assemble`;
//! this test assembles them the same way and validates them with
//! apollo-compiler (selections, arguments, variables and their types,
//! fragments). `backend/schema.graphql` is the code's schema: `schema.rs`
//! fails when it is out of date.

use std::fs;
use std::path::{Path, PathBuf};

use apollo_compiler::validation::Valid;
use apollo_compiler::{ExecutableDocument, Schema};
use shared::graphql_document::assemble;

/// The fewest documents the frontend sends (65 when this test was written):
/// an empty or misplaced folder must not pass as "all valid".
const AT_LEAST: usize = 50;

fn frontend_src() -> PathBuf {
    jixiao_tests::workspace_root().join("frontend/src")
}

fn graphql_dir() -> PathBuf {
    frontend_src().join("api/graphql")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema() -> Valid<Schema> {
    let path = jixiao_tests::workspace_root().join("backend/schema.graphql");
    Schema::parse_and_validate(read(&path), &path)
        .unwrap_or_else(|invalid| panic!("backend/schema.graphql is not a valid schema:\n{}", invalid.errors))
}

/// Every file with the given extension under `dir`, sorted.
fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The frontend's operation files (every `.graphql` file but the fragments).
fn operation_files() -> Vec<PathBuf> {
    files(&graphql_dir(), "graphql").into_iter().filter(|p| !p.ends_with("fragments.graphql")).collect()
}

/// Checks one operation file's text as the frontend sends it: assembled with
/// the fragments it reaches, exactly one named operation, valid against the
/// schema. Returns one `file: operation: error (line:column)` line per problem.
fn check(schema: &Valid<Schema>, file: &str, operation: &str, fragments: &str) -> Vec<String> {
    let document = assemble(operation, fragments);
    let (parsed, errors) = match ExecutableDocument::parse_and_validate(schema, &document, file) {
        Ok(valid) => (valid.into_inner(), Vec::new()),
        Err(invalid) => {
            let errors = invalid
                .errors
                .iter()
                .map(|diagnostic| {
                    let error = diagnostic.to_json();
                    let at = error.locations.first().map(|l| format!(" ({}:{})", l.line, l.column)).unwrap_or_default();
                    format!("{}{at}", error.message)
                })
                .collect();
            (invalid.partial, errors)
        }
    };
    let names: Vec<String> = parsed.operations.named.keys().map(ToString::to_string).collect();
    let label = names.first().cloned().unwrap_or_else(|| "(unnamed)".to_owned());
    let mut problems: Vec<String> = errors.into_iter().map(|e| format!("{file}: {label}: {e}")).collect();
    if parsed.operations.anonymous.is_some() || names.len() != 1 {
        problems.push(format!("{file}: {label}: a document sends exactly one named operation, found {names:?}"));
    }
    problems
}

#[test]
fn every_document_the_frontend_sends_is_valid_against_the_schema() {
    let schema = schema();
    let fragments = read(&graphql_dir().join("fragments.graphql"));
    let root = frontend_src();
    let operations = operation_files();
    let mut problems = Vec::new();
    for path in &operations {
        let file = path.strip_prefix(&root).unwrap_or(path).display().to_string();
        problems.extend(check(&schema, &file, &read(path), &fragments));
    }
    assert!(
        operations.len() > AT_LEAST,
        "only {} documents under {}: the frontend sends more than {AT_LEAST}",
        operations.len(),
        graphql_dir().display()
    );
    assert!(problems.is_empty(), "frontend documents the schema refuses:\n{}", problems.join("\n"));
}

#[test]
fn the_checker_refuses_an_unknown_field_a_wrongly_typed_variable_and_a_missing_fragment() {
    let schema = schema();
    let fragments = read(&graphql_dir().join("fragments.graphql"));
    let refused = |file: &str, operation: &str, expected: &str| {
        let problems = check(&schema, file, operation, &fragments);
        assert!(
            problems.iter().any(|p| p.starts_with(&format!("{file}: ")) && p.contains(expected)),
            "{file} should be refused with {expected:?}, got {problems:?}"
        );
    };
    // The real list, as a screen would ask for it after the server renamed `code`.
    refused(
        "unknown_field.graphql",
        "query Projects($first: Int) { projects(first: $first) { edges { node { ...ProjectFields projectCode } } } }",
        "projectCode",
    );
    // `project(id: ID!)` given an Int.
    refused("wrong_variable.graphql", "query Project($id: Int!) { project(id: $id) { ...ProjectFields } }", "$id");
    // A fragment the fragment file does not define.
    refused("missing_fragment.graphql", "query Me { me { ...NoSuchFields } }", "NoSuchFields");
    // Two operations in one file: the client names none when it sends.
    refused("two.graphql", "query A { years { id } }\nquery B { years { id } }", "exactly one named operation");
    // And the same checker accepts a good one.
    assert_eq!(
        check(&schema, "ok.graphql", "query Project($id: ID!) { project(id: $id) { ...ProjectFields } }", &fragments),
        Vec::<String>::new()
    );
}

#[test]
fn the_frontend_sends_only_its_graphql_files_and_includes_every_one() {
    let root = frontend_src();
    let sources: Vec<(PathBuf, String)> = files(&root, "rs").into_iter().map(|p| (p.clone(), read(&p))).collect();
    for (path, text) in &sources {
        for keyword in ["\"query ", "\"mutation ", "\"subscription ", "\"fragment ", "\"{ "] {
            assert!(
                !text.contains(keyword),
                "{} holds a GraphQL string ({keyword}…): move it into api/graphql/ so that it is checked",
                path.display()
            );
        }
    }
    // `include_str!("graphql/x/y.graphql")`, or `"../graphql/…"` from a submodule.
    let included = |file: &Path| {
        let relative = file.strip_prefix(graphql_dir()).expect("under api/graphql/").display().to_string();
        let tail = format!("graphql/{relative}\")");
        sources.iter().any(|(_, text)| text.contains("include_str!(") && text.contains(&tail))
    };
    for file in operation_files().iter().chain([&graphql_dir().join("fragments.graphql")]) {
        assert!(included(file), "{} is included by no frontend module: delete it or use it", file.display());
    }
}

/// A document as the frontend sends it (`path` under `api/graphql/`).
fn frontend_document(path: &str) -> String {
    assemble(&read(&graphql_dir().join(path)), &read(&graphql_dir().join("fragments.graphql")))
}

#[tokio::test]
async fn a_target_read_with_the_frontends_document_is_the_shared_indicator_type() {
    use jixiao_tests::{Actor, TestApp};
    use serde_json::json;
    use shared::targets::TargetIndicator;

    let app = TestApp::spawn().await;
    let dept = app.token(Actor::Department).await;
    let library = app.gql(Some(&dept), "{ libraryIndicators(first: 1) { edges { node { id } } } }", json!({})).await;
    let entry =
        library.ok()["libraryIndicators"]["edges"][0]["node"]["id"].as_str().expect("a library entry").to_owned();
    let mut sent = crate::targets::good_indicators();
    sent[0]["libraryId"] = json!(entry);
    sent[0]["source"] = json!("LIBRARY");
    sent[1]["weight"] = json!("12.5");
    let project = app.fixture.p_d1.to_string();
    app.gql(Some(&dept), crate::targets::SAVE, json!({ "p": project, "g": "保障营养餐供应", "i": sent })).await.ok();

    for document in ["targets/target.graphql", "monitoring/monitoring_target.graphql"] {
        let res = app.gql(Some(&dept), &frontend_document(document), json!({ "projectId": project })).await;
        let indicators: Vec<TargetIndicator> =
            serde_json::from_value(res.ok()["target"]["indicators"].clone()).expect("shared::targets::TargetIndicator");
        assert_eq!(indicators.len(), 4, "{document}");
        assert_eq!(indicators[0].library_id, Some(entry.parse().unwrap()), "{document}");
        assert_eq!(indicators[1].weight, rust_decimal::Decimal::new(125, 1), "{document}");
        assert_eq!(indicators[2].library_id, None, "{document}");
    }
}
