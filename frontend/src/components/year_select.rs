use leptos::prelude::*;

use crate::contexts::use_years;

/// The budget-year selector shared by the lists and the overview.
#[component]
pub fn YearSelect() -> impl IntoView {
    let years = use_years();
    let options = move || {
        years
            .list
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|year| {
                let id = year.id.clone();
                let selected = move || years.current.get().is_some_and(|current| current.id == id);
                view! {
                    <option value=year.id.clone() prop:selected=selected>
                        {format!("{} 年度（{}）", year.year, year.status.label())}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <label>
            "预算年度"
            <select id="year-select" on:change=move |ev| years.select(event_target_value(&ev))>
                {options}
            </select>
        </label>
    }
}
