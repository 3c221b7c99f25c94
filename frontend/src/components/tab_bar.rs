use leptos::prelude::*;

/// A row of tabs over a closed set of values; `id` of each tab button is given.
#[component]
pub fn TabBar<T>(
    /// (value, label, element id) of each tab.
    tabs: Vec<(T, &'static str, &'static str)>,
    current: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let buttons = tabs
        .into_iter()
        .map(|(value, label, id)| {
            view! {
                <button
                    type="button"
                    id=id
                    role="tab"
                    class="tab"
                    class:active=move || current.get() == value
                    aria-selected=move || (current.get() == value).to_string()
                    on:click=move |_| current.set(value)
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! { <div class="tabs" role="tablist">{buttons}</div> }
}
