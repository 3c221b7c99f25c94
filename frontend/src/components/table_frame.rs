use leptos::prelude::*;

/// A table whose rows are components of their own (editable rows): the
/// headings, and the rows given as children in the body.
#[component]
pub fn TableFrame(
    heads: &'static [&'static str],
    children: Children,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class=format!("data {class}") id=id>
                <thead>
                    <tr>{heads.iter().map(|h| view! { <th>{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
