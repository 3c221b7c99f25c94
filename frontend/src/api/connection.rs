//! Relay-style cursor pages (`XConnection { edges { node } pageInfo totalCount }`).

use serde::Deserialize;

/// One page of a list and where the next page starts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection<T> {
    pub edges: Vec<Edge<T>>,
    pub page_info: PageInfo,
    pub total_count: i64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Edge<T> {
    pub node: T,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    pub has_next_page: bool,
    pub end_cursor: Option<String>,
}

impl<T> Connection<T> {
    /// The items of this page, in order.
    pub fn nodes(&self) -> impl Iterator<Item = &T> {
        self.edges.iter().map(|edge| &edge.node)
    }

    /// Consumes the page into its items.
    pub fn into_nodes(self) -> Vec<T> {
        self.edges.into_iter().map(|edge| edge.node).collect()
    }

    /// The cursor to pass as `after` for the next page, if there is one.
    pub fn next_cursor(&self) -> Option<String> {
        if self.page_info.has_next_page { self.page_info.end_cursor.clone() } else { None }
    }
}
