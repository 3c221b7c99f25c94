use leptos::prelude::*;

/// A button that starts an action: disabled (and saying `busy_label`) while
/// the action is `pending`, or while `disabled` holds.
#[component]
pub fn ActionButton(
    label: &'static str,
    #[prop(into)] pending: Signal<bool>,
    on_click: Callback<()>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] busy_label: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            id=id
            class=class
            disabled=move || pending.get() || disabled.get()
            on:click=move |_| on_click.run(())
        >
            {move || if pending.get() { busy_label.unwrap_or(label) } else { label }}
        </button>
    }
}
