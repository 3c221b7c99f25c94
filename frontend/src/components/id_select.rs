use leptos::prelude::*;

/// A `<select>` of records by id: `options` are (id, label), or grouped
/// under headings with `groups`; the first option (`placeholder`) is "none".
#[component]
pub fn IdSelect(
    value: RwSignal<Option<String>>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] options: Vec<(String, String)>,
    #[prop(optional)] groups: Vec<(&'static str, Vec<(String, String)>)>,
    placeholder: &'static str,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let option = move |(key, label): (String, String)| {
        let selected = {
            let key = key.clone();
            move || value.with(|v| v.as_deref() == Some(key.as_str()))
        };
        view! { <option value=key prop:selected=selected>{label}</option> }
    };
    let grouped = groups
        .into_iter()
        .map(|(heading, options)| {
            view! { <optgroup label=heading>{options.into_iter().map(option).collect_view()}</optgroup> }
        })
        .collect_view();
    view! {
        <select
            id=id
            disabled=move || disabled.get()
            on:change=move |ev| {
                value.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()));
                if let Some(on_change) = on_change {
                    on_change.run(());
                }
            }
        >
            <option value="" prop:selected=move || value.with(Option::is_none)>{placeholder}</option>
            {options.into_iter().map(option).collect_view()}
            {grouped}
        </select>
    }
}
