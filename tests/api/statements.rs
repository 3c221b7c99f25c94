//! Statements per request do not grow with the page (issue 12 item 8): every
//! paginated list of the API, with the fields its screen asks for, runs the
//! same number of SQL statements for a page of 1, 20 and 100 rows.

mod seed;

use jixiao_tests::{Actor, TestApp};
use serde_json::json;

// Each screen's selection with every field that reaches the database
// (relations and computed fields); plain columns are trimmed to `id` so that
// a page of 100 rows fits the query complexity limit, and no loader is asked
// at two nesting levels of one query (whether those two batches merge depends
// on timing, which would make the count flicker by one).
const ORG: &str = "id kind";
const PROJECT: &str = "id year { id } unit { id kind }";
const PAGE: &str = "pageInfo { hasNextPage endCursor } totalCount";

fn target_summary() -> String {
    format!("id state indicators {{ name }} project {{ {PROJECT} }}")
}

fn ex_ante() -> String {
    format!("id state panel {{ id }} firm {{ {ORG} }} project {{ id year {{ id }} }}")
}

fn expert() -> String {
    format!("id conflictUnits {{ {ORG} }}")
}

/// A list as a screen asks for it: who asks, the field with its arguments
/// (`$first` is the page size) and the node's selection.
struct List {
    actor: Actor,
    field: &'static str,
    args: &'static str,
    node: String,
}

fn lists() -> Vec<List> {
    let list = |actor, field, args, node: String| List { actor, field, args, node };
    vec![
        list(Actor::Performance, "projects", "first: $first", PROJECT.into()),
        list(
            Actor::Admin,
            "organisations",
            "search: \"测试单位\", first: $first",
            format!("{ORG} parent {{ {ORG} }} section {{ {ORG} }}"),
        ),
        list(Actor::Admin, "users", "first: $first", format!("id role organisation {{ {ORG} }} lockedUntil")),
        list(
            Actor::Performance,
            "libraryIndicators",
            "status: PROPOSED, first: $first",
            format!("id proposedBy {{ {ORG} }}"),
        ),
        list(Actor::Performance, "targets", "yearId: $year, first: $first", target_summary()),
        list(Actor::Performance, "reviewQueue", "yearId: $year, first: $first", target_summary()),
        list(Actor::Performance, "experts", "field: EDUCATION, first: $first", expert()),
        list(
            Actor::Performance,
            "panels",
            "yearId: $year, first: $first",
            "id year { id } members { id conflictUnits { id } } items { id target { id } assessment { id panel { id } } opinions { expert } myOpinion { expert } }".into(),
        ),
        list(
            Actor::Expert,
            "myPanelItems",
            "first: $first",
            "id panel { id } target { id project { id unit { id } } } assessment { id panel { id } } opinions { expert } myOpinion { expert }".into(),
        ),
        list(Actor::Performance, "exAnteAssessments", "yearId: $year, first: $first", ex_ante()),
        list(
            Actor::Performance,
            "ledgerEntries",
            "yearId: $year, first: $first",
            format!("id decidedBy project {{ {PROJECT} }}"),
        ),
        list(Actor::Performance, "roundUnits", "roundId: $round, first: $first", format!("id unit {{ {ORG} }} late")),
        list(
            Actor::Performance,
            "roundReports",
            "roundId: $round, first: $first",
            format!("id project {{ {PROJECT} }} unit {{ {ORG} }} indicators {{ light }} decision {{ kind }}"),
        ),
    ]
}

const PAGES: [usize; 3] = [1, 20, 100];
/// Each page is asked this often and the fewest statements count: a batch
/// split by the DataLoader's timing (the machine paused the request) is noise;
/// a statement per row shows every time.
const TRIES: usize = 2;

#[tokio::test]
async fn every_list_runs_as_many_statements_for_100_rows_as_for_one() {
    // A batching window wide enough that a slow debug build does not split a
    // page's keys into several batches.
    let app = TestApp::spawn_with(|s| s.loader_delay = std::time::Duration::from_millis(20)).await;
    let seeded = seed::rows(&app, 100).await;
    let mut table = Vec::new();
    let mut growing = Vec::new();
    for list in lists() {
        let token = app.token(list.actor).await;
        let mut declared = vec!["$first: Int"];
        for (name, declaration) in [("$year", "$year: ID!"), ("$round", "$round: ID!")] {
            if list.args.contains(name) {
                declared.push(declaration);
            }
        }
        let query = format!(
            "query({}) {{ {}({}) {{ edges {{ node {{ {} }} }} {PAGE} }} }}",
            declared.join(", "),
            list.field,
            list.args,
            list.node
        );
        let mut counts = Vec::new();
        for rows in PAGES {
            let vars =
                json!({ "first": rows, "year": app.fixture.year.to_string(), "round": seeded.round.to_string() });
            let mut fewest: Option<Vec<String>> = None;
            for _ in 0..TRIES {
                let (res, statements) = app.gql_counted(Some(&token), &query, vars.clone()).await;
                assert!(res.code().is_none(), "{} with first = {rows}: {}", list.field, res.body);
                let edges = res.ok()[list.field]["edges"].as_array().map_or(0, Vec::len);
                assert_eq!(edges, rows, "{} with first = {rows}: {}", list.field, res.body);
                if fewest.as_ref().is_none_or(|f| statements.len() < f.len()) {
                    fewest = Some(statements);
                }
            }
            counts.push(fewest.unwrap_or_default());
        }
        let n: Vec<usize> = counts.iter().map(Vec::len).collect();
        table.push(format!("{:<18} {:>4} {:>4} {:>4}", list.field, n[0], n[1], n[2]));
        if n.windows(2).any(|w| w[1] != w[0]) {
            let shown: Vec<String> = counts[2].iter().map(|s| s.chars().take(160).collect()).collect();
            growing.push(format!("{} at {} rows:\n  {}", list.field, PAGES[2], shown.join("\n  ")));
        }
    }
    println!("statements per request at {PAGES:?} rows:\n{}", table.join("\n"));
    assert!(growing.is_empty(), "statements grow with the page:\n{}\n{}", table.join("\n"), growing.join("\n"));
}
