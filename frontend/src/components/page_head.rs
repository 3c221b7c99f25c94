use std::future::Future;

use leptos::prelude::*;

use super::{Loaded, YearGate, YearSelect};
use crate::api::ApiError;
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

/// A [`YearPage`] that shows one read of the selected year: `load(year_id)`,
/// then `children` with its data (loading and errors as in [`Loaded`]).
#[component]
pub fn YearData<T, L, Fut, F, IV>(#[prop(into)] title: String, load: L, children: F) -> impl IntoView
where
    T: Clone + 'static,
    L: Fn(String) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
    F: Fn(T) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    view! {
        <YearPage title let:year>
            {
                let resource = LocalResource::new(move || load(year.id.clone()));
                let children = children.clone();
                view! { <Loaded resource let:data>{children(data)}</Loaded> }
            }
        </YearPage>
    }
}
