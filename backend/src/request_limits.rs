//! No request may stall the rest (issue 8 item 4). Before anything runs, the
//! parsed document is measured: at most `MAX_FIELDS` field selections (with
//! fragments expanded), at most `MAX_ALIASES` aliases, and at most one of the
//! expensive fields (exports, templates, statistics, aggregates, imports),
//! and one `login` and one `refresh` (issue 8 item 2: each login is an Argon2
//! check, so aliases must not multiply them).
//! Each refusal carries `extensions.code = QUERY_LIMIT` and
//! `extensions.limit` naming the limit. The time budget and the database
//! statement timeout are in `startup.rs`.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensions, ServerError, ServerResult, Variables};

use crate::error::code;

/// Field selections in one document, fragments expanded.
pub const MAX_FIELDS: usize = 500;
/// Aliased fields in one document.
pub const MAX_ALIASES: usize = 30;
/// Expensive fields in one document.
pub const MAX_EXPENSIVE: usize = 1;
/// The complexity each expensive field costs (the schema allows 3,000).
pub const EXPENSIVE_COST: usize = 1_000;

/// Fields whose single call reads or builds a lot: exports and templates
/// (whole .xlsx files), statistics and aggregates (sums over a year), imports.
pub const EXPENSIVE: &[&str] = &[
    "exportLibraryIndicators",
    "monitoringTemplate",
    "importLibraryIndicators",
    "importExecution",
    "countyOverview",
    "ledgerSummary",
    "targetStatistics",
    "roundStatistics",
    "monitoringStatistics",
    "roundUnitLights",
];

/// Nesting beyond this is refused by the depth limit anyway; fragment cycles
/// (refused later by validation) stop here.
const MAX_WALK_DEPTH: usize = 64;

/// What a document asks for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Measure {
    pub fields: usize,
    pub aliases: usize,
    pub expensive: usize,
    /// `login` fields (each is an Argon2 check).
    pub logins: usize,
    /// `refresh` fields.
    pub refreshes: usize,
}

/// Measures a document, expanding fragment spreads; stops counting once a
/// limit is passed, so a fragment bomb costs no more than the limit.
pub fn measure(doc: &ExecutableDocument) -> Measure {
    let mut m = Measure::default();
    for (_, op) in doc.operations.iter() {
        walk(doc, &op.node.selection_set.node, 0, &mut m);
    }
    m
}

fn walk(doc: &ExecutableDocument, set: &SelectionSet, depth: usize, m: &mut Measure) {
    if depth > MAX_WALK_DEPTH {
        return;
    }
    for item in &set.items {
        if m.fields > MAX_FIELDS {
            return;
        }
        match &item.node {
            Selection::Field(field) => {
                let field = &field.node;
                m.fields += 1;
                m.aliases += usize::from(field.alias.is_some());
                let name = field.name.node.as_str();
                m.expensive += usize::from(EXPENSIVE.contains(&name));
                m.logins += usize::from(name == "login");
                m.refreshes += usize::from(name == "refresh");
                walk(doc, &field.selection_set.node, depth + 1, m);
            }
            Selection::FragmentSpread(spread) => {
                // Each spread counts, so that empty fragments cannot be spread for free.
                m.fields += 1;
                if let Some(fragment) = doc.fragments.get(&spread.node.fragment_name.node) {
                    walk(doc, &fragment.node.selection_set.node, depth + 1, m);
                }
            }
            Selection::InlineFragment(inline) => walk(doc, &inline.node.selection_set.node, depth + 1, m),
        }
    }
}

/// The first limit a measure passes, as (limit name, Chinese message).
pub fn refusal(m: &Measure) -> Option<(&'static str, String)> {
    if m.fields > MAX_FIELDS {
        return Some(("fields", format!("查询字段过多（最多 {MAX_FIELDS} 个），请拆分查询")));
    }
    if m.aliases > MAX_ALIASES {
        return Some(("aliases", format!("查询别名过多（最多 {MAX_ALIASES} 个）")));
    }
    if m.logins > 1 {
        return Some(("login", "每次请求只能登录一次".to_owned()));
    }
    if m.refreshes > 1 {
        return Some(("refresh", "每次请求只能刷新一次会话".to_owned()));
    }
    if m.expensive > MAX_EXPENSIVE {
        return Some(("expensive", "导出、模板、统计和汇总类字段每次请求只能查询一个".to_owned()));
    }
    None
}

/// The async-graphql extension that applies the limits after parsing.
pub struct RequestLimits;

impl ExtensionFactory for RequestLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(RequestLimitsExtension)
    }
}

struct RequestLimitsExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for RequestLimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        match refusal(&measure(&doc)) {
            None => Ok(doc),
            Some((limit, message)) => {
                let error = async_graphql::Error::new(message).extend_with(|_, ext| {
                    ext.set("code", code::QUERY_LIMIT);
                    ext.set("limit", limit);
                });
                Err(error.into_server_error(async_graphql::Pos::default()))
            }
        }
    }
}

/// The error a request past its time budget gets.
pub fn timeout_error(budget: std::time::Duration) -> ServerError {
    let error =
        async_graphql::Error::new(format!("请求处理超时（上限 {} 秒），请缩小查询范围后重试", budget.as_secs_f32()))
            .extend_with(|_, ext| ext.set("code", code::TIMEOUT));
    error.into_server_error(async_graphql::Pos::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure_of(query: &str) -> Measure {
        measure(&async_graphql::parser::parse_query(query).expect("parses"))
    }

    #[test]
    fn aliases_fields_and_expensive_fields_are_counted() {
        let m = measure_of("{ a: me { id } b: me { id } countyOverview(yearId: 1) { projectCount } }");
        assert_eq!(m, Measure { fields: 6, aliases: 2, expensive: 1, logins: 0, refreshes: 0 });
        assert_eq!(refusal(&m), None);
        let bomb: String = (0..2900).map(|i| format!("e{i}: exportLibraryIndicators ")).collect();
        let m = measure_of(&format!("{{ {bomb} }}"));
        assert_eq!(refusal(&m).map(|r| r.0), Some("fields"));
        let m = measure_of("{ a: exportLibraryIndicators b: exportLibraryIndicators }");
        assert_eq!(refusal(&m).map(|r| r.0), Some("expensive"));
        let aliases: String = (0..31).map(|i| format!("m{i}: me {{ id }} ")).collect();
        assert_eq!(refusal(&measure_of(&format!("{{ {aliases} }}"))).map(|r| r.0), Some("aliases"));
    }

    #[test]
    fn fragments_are_expanded_and_a_fragment_bomb_stops_at_the_limit() {
        let m = measure_of("query { ...F ...F } fragment F on Query { exportLibraryIndicators }");
        assert_eq!(m.expensive, 2);
        // Ten levels of doubling would be 1,024 copies of the leaf field.
        let mut doc = String::from("query { ...F0 } fragment F10 on Query { me { id } }");
        for i in 0..10 {
            doc.push_str(&format!(" fragment F{i} on Query {{ ...F{n} ...F{n} }}", n = i + 1));
        }
        let m = measure_of(&doc);
        assert_eq!(refusal(&m).map(|r| r.0), Some("fields"));
        assert!(m.fields <= MAX_FIELDS + 1);
        // A cycle (refused by validation later) does not loop here.
        let m = measure_of("query { ...A } fragment A on Query { ...A }");
        assert!(m.fields > 0);
    }
}
