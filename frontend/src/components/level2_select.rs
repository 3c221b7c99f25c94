use leptos::prelude::*;
use shared::indicators::{Level1, Level2};

/// A `<select>` of 二级指标 grouped by their 一级指标 (产出, 效益, 满意度, 成本).
#[component]
pub fn Level2Select(
    value: RwSignal<Option<Level2>>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    /// With it, the first option means "no choice", e.g. 全部.
    #[prop(optional)]
    any_label: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let groups = Level1::ALL
        .iter()
        .map(|level1| {
            let options = Level2::ALL
                .iter()
                .filter(|l2| l2.level1() == *level1)
                .map(|l2| {
                    let l2 = *l2;
                    view! {
                        <option value=l2.as_str() prop:selected=move || value.get() == Some(l2)>
                            {l2.label()}
                        </option>
                    }
                })
                .collect_view();
            view! { <optgroup label=level1.label()>{options}</optgroup> }
        })
        .collect_view();
    view! {
        <select
            id=id
            class=class
            disabled=move || disabled.get()
            on:change=move |ev| {
                value.set(Level2::parse(&event_target_value(&ev)));
                if let Some(on_change) = on_change {
                    on_change.run(());
                }
            }
        >
            {any_label
                .map(|text| view! { <option value="" prop:selected=move || value.get().is_none()>{text}</option> })}
            {groups}
        </select>
    }
}
