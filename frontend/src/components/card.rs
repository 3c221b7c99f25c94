use leptos::prelude::*;

/// A white panel of the page, with an optional heading.
#[component]
pub fn Card(
    children: Children,
    #[prop(optional, into)] title: Option<String>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("card {class}") id=id>
            {title.map(|t| view! { <h2>{t}</h2> })}
            {children()}
        </div>
    }
}
