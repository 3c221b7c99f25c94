use leptos::prelude::*;
use shared::DomainEnum;

/// A `<select>` over a closed domain enum from `shared` (labels in Chinese,
/// option values the stable codes). `options` defaults to every variant;
/// with `group`, consecutive options of one group go under its heading
/// (二级指标 under their 一级指标).
///
/// With `any_label`, the first option means "no choice" (`None`), e.g. 全部.
#[component]
pub fn EnumSelect<T: DomainEnum>(
    value: RwSignal<Option<T>>,
    #[prop(optional)] id: Option<&'static str>,
    /// For selects repeated in rows, where an id would not be unique.
    #[prop(optional)]
    class: Option<&'static str>,
    #[prop(optional_no_strip)] options: Option<&'static [T]>,
    #[prop(optional_no_strip)] any_label: Option<&'static str>,
    #[prop(optional)] group: Option<fn(T) -> &'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Called after the user changes the value.
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let option = move |option: T| {
        view! { <option value=option.as_str() prop:selected=move || value.get() == Some(option)>{option.label()}</option> }
    };
    let mut groups: Vec<(&'static str, Vec<T>)> = Vec::new();
    for item in options.unwrap_or(T::ALL) {
        let heading = group.map_or("", |g| g(*item));
        match groups.last_mut() {
            Some((last, items)) if *last == heading => items.push(*item),
            _ => groups.push((heading, vec![*item])),
        }
    }
    let body = groups
        .into_iter()
        .map(|(heading, items)| {
            let items = items.into_iter().map(option).collect_view();
            if heading.is_empty() {
                items.into_any()
            } else {
                view! { <optgroup label=heading>{items}</optgroup> }.into_any()
            }
        })
        .collect_view();
    view! {
        <select
            id=id
            class=class
            disabled=move || disabled.get()
            on:change=move |ev| {
                value.set(T::parse(&event_target_value(&ev)));
                if let Some(on_change) = on_change {
                    on_change.run(());
                }
            }
        >
            {any_label.map(|text| view! { <option value="" prop:selected=move || value.get().is_none()>{text}</option> })}
            {body}
        </select>
    }
}
