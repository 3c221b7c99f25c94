use leptos::prelude::*;

/// Error-boundary fallback: each error's (Chinese) message.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <div class="notice error" role="alert">
            {move || {
                errors
                    .get()
                    .into_iter()
                    .map(|(_, error)| view! { <p>{error.to_string()}</p> })
                    .collect_view()
            }}
        </div>
    }
}
