use leptos::prelude::*;

/// The outcome of the last action on a page: done (green) or refused (red).
#[component]
pub fn Notice(message: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    move || {
        message.get().map(|m| match m {
            Ok(text) => view! { <div class="notice ok">{text}</div> }.into_any(),
            Err(text) => view! { <div class="notice error" role="alert">{text}</div> }.into_any(),
        })
    }
}
