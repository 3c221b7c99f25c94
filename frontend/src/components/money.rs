use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::money::{format_wan, format_yuan};

/// An amount as the tables show it: 元 with thousands separators and two
/// places (`1,234,567.80`), or with `wan` in 万元; `—` when there is none.
/// Only display rounds: the value stays a `Decimal` to here.
#[component]
pub fn Money(#[prop(into)] value: Option<Decimal>, #[prop(optional)] wan: bool) -> impl IntoView {
    let text = value.map_or_else(|| "—".to_owned(), |v| if wan { format_wan(v) } else { format_yuan(v) });
    view! { <span class="money">{text}</span> }
}
