use leptos::prelude::*;

use super::{Column, DataTable};
use crate::api::indicators::ImportRowError;

/// The problems of a rejected spreadsheet (`#import-errors`): row, column, what is wrong.
#[component]
pub fn ImportErrors(errors: Vec<ImportRowError>) -> impl IntoView {
    let columns = vec![
        Column::num("行号", |e: &ImportRowError| if e.row > 0 { e.row.to_string() } else { "—".to_owned() }),
        Column::new("列", |e: &ImportRowError| e.column.clone()),
        Column::new("问题", |e: &ImportRowError| e.message.clone()).wrap(),
    ];
    view! { <DataTable id="import-errors" columns rows=errors /> }
}
