use leptos::prelude::*;

/// A `<select>` over a closed domain enum from `shared` (labels in Chinese,
/// option values the stable codes).
///
/// With `any_label`, the first option means "no choice" (`None`), e.g. 全部.
#[component]
pub fn EnumSelect<T>(
    #[prop(optional)] id: Option<&'static str>,
    /// For selects repeated in rows, where an id would not be unique.
    #[prop(optional)]
    class: Option<&'static str>,
    options: &'static [T],
    value: RwSignal<Option<T>>,
    label: fn(T) -> &'static str,
    code: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
    #[prop(optional)] any_label: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Called after the user changes the value.
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <select
            id=id
            class=class
            disabled=move || disabled.get()
            on:change=move |ev| {
                value.set(parse(&event_target_value(&ev)));
                if let Some(on_change) = on_change {
                    on_change.run(());
                }
            }
        >
            {any_label
                .map(|text| {
                    view! {
                        <option value="" prop:selected=move || value.get().is_none()>
                            {text}
                        </option>
                    }
                })}
            {options
                .iter()
                .map(|option| {
                    let option = *option;
                    view! {
                        <option value=code(option) prop:selected=move || value.get() == Some(option)>
                            {label(option)}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
