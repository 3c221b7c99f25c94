use leptos::prelude::*;

/// An honest "nothing here" message.
#[component]
pub fn EmptyState(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="empty">{text}</p> }
}
