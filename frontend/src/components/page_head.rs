use leptos::prelude::*;

use super::{YearGate, YearSelect};
use crate::api::years::FiscalYear;

/// The head of a page: its title, a line of explanation, and actions on the right.
#[component]
pub fn PageHead(
    #[prop(into)] title: String,
    #[prop(optional)] children: Option<Children>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="page-head">
            <div>
                <h1>{title}</h1>
                {hint.map(|text| view! { <p class="field-hint">{text}</p> })}
            </div>
            <div class="toolbar">{children.map(|c| c())}</div>
        </div>
    }
}

/// A page about one budget year: the head with the year selector, then the
/// children for the selected year once the years are loaded.
#[component]
pub fn YearPage<F, IV>(#[prop(into)] title: String, children: F) -> impl IntoView
where
    F: Fn(FiscalYear) -> IV + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    view! {
        <PageHead title>
            <YearSelect />
        </PageHead>
        <YearGate children />
    }
}
