use leptos::prelude::*;

use super::{EmptyState, Loading};
use crate::api::years::FiscalYear;
use crate::contexts::use_years;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Gate {
    Loading,
    Failed(String),
    NoYears,
    Ready(FiscalYear),
}

/// Renders its children for the selected budget year once the years are
/// loaded; says so when there are none or they cannot be loaded.
#[component]
pub fn YearGate<F, IV>(children: F) -> impl IntoView
where
    F: Fn(FiscalYear) -> IV + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let years = use_years();
    let gate = Memo::new(move |_| match years.list.get() {
        None => Gate::Loading,
        Some(Err(err)) => Gate::Failed(err.message),
        Some(Ok(_)) => years.current.get().map_or(Gate::NoYears, Gate::Ready),
    });
    move || match gate.get() {
        Gate::Loading => view! { <Loading text="正在加载预算年度…" /> }.into_any(),
        Gate::Failed(message) => view! { <div class="notice error" role="alert">{message}</div> }.into_any(),
        Gate::NoYears => view! { <EmptyState text="尚未设置预算年度，请联系系统管理员。" /> }.into_any(),
        Gate::Ready(year) => children(year).into_any(),
    }
}
