use leptos::prelude::*;

use super::FieldError;

/// A labelled form field: the label (with `*` when `required`), the input
/// given as children, and its error message. With `error_id` the message
/// element always exists (empty when valid), for tests and screen readers.
#[component]
pub fn FormField(
    #[prop(into)] label: String,
    children: Children,
    #[prop(optional)] required: bool,
    /// Spans the whole row of a `.form-grid`.
    #[prop(optional)]
    full: bool,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] error_id: Option<&'static str>,
    /// A line of help under the input.
    #[prop(optional)]
    hint: Option<&'static str>,
    #[prop(optional)] class: &'static str,
    /// Hidden (kept in the page) while this is true.
    #[prop(optional, into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let classes = format!(
        "field{}{}",
        if full { " full" } else { "" },
        if class.is_empty() { String::new() } else { format!(" {class}") }
    );
    let message = match (error, error_id) {
        (error, Some(id)) => Some(view! { <FieldError id message=error.unwrap_or_default() /> }.into_any()),
        (Some(error), None) => {
            Some(view! { <p class="field-error" role="alert">{move || error.get().unwrap_or_default()}</p> }.into_any())
        }
        (None, None) => None,
    };
    view! {
        <label class=classes class:hidden=move || hidden.get()>
            <span class="label">{label} {required.then(|| view! { <span class="required">"*"</span> })}</span>
            {children()}
            {message}
            {hint.map(|text| view! { <p class="field-hint">{text}</p> })}
        </label>
    }
}
