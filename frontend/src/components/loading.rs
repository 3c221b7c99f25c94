use leptos::prelude::*;

/// What an async section shows while it loads.
#[component]
pub fn Loading(#[prop(optional, into)] text: Option<&'static str>) -> impl IntoView {
    view! { <p class="loading">{text.unwrap_or("加载中…")}</p> }
}
