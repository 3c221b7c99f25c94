use leptos::prelude::*;

/// A one-line text input bound to `value`: marked `.invalid` while `invalid`
/// holds; `decimal` for amounts and numbers; `on_input` after each keystroke.
#[component]
pub fn TextInput(
    value: RwSignal<String>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] decimal: bool,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional, into)] invalid: Signal<bool>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] on_input: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <input
            type="text"
            id=id
            class=class
            placeholder=placeholder
            maxlength=maxlength
            inputmode=decimal.then_some("decimal")
            class:invalid=move || invalid.get()
            disabled=move || disabled.get()
            prop:value=move || value.get()
            on:input=move |ev| {
                value.set(event_target_value(&ev));
                if let Some(on_input) = on_input {
                    on_input.run(());
                }
            }
        />
    }
}
