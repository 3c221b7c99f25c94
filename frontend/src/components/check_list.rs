use std::fmt::Display;

use leptos::prelude::*;

/// Checkboxes (`input.class`) over `items` (value, label); the checked values
/// are kept in `chosen`. With `filter`, items whose label does not contain it
/// are hidden (checked ones stay visible).
#[component]
pub fn CheckList<T>(
    items: Vec<(T, String)>,
    chosen: RwSignal<Vec<T>>,
    class: &'static str,
    #[prop(optional, into)] filter: Option<Signal<String>>,
    /// A bordered box that scrolls (long lists).
    #[prop(optional)]
    scroll: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView
where
    T: Clone + PartialEq + Display + Send + Sync + 'static,
{
    let boxes = items
        .into_iter()
        .map(|(value, label)| {
            let code = value.to_string();
            let shown = {
                let (label, value) = (label.clone(), value.clone());
                move || {
                    filter.is_none_or(|f| f.with(|f| label.contains(f.trim()))) || chosen.with(|c| c.contains(&value))
                }
            };
            let checked = {
                let value = value.clone();
                move || chosen.with(|c| c.contains(&value))
            };
            view! {
                <label class="check" class:hidden=move || !shown()>
                    <input
                        type="checkbox"
                        class=class
                        value=code
                        prop:checked=checked
                        disabled=move || disabled.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|v| *v != value);
                                if on {
                                    c.push(value.clone());
                                }
                            });
                        }
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class="checklist" class:scroll=scroll>{boxes}</div> }
}
