use leptos::prelude::*;

/// The message next to a form field; the element always exists (empty when valid).
#[component]
pub fn FieldError(id: &'static str, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="field-error" id=id role="alert">
            {move || message.get().unwrap_or_default()}
        </p>
    }
}
