use leptos::prelude::*;
use shared::monitoring::Light;

/// A monitoring light as a coloured badge with its Chinese label (红灯, 黄灯,
/// 绿灯, 蓝灯（超额）); `—` when there is none yet. `class` is added to the
/// badge itself (e.g. `live-project-light`).
#[component]
pub fn LightBadge(#[prop(into)] light: Signal<Option<Light>>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let classes = move || {
        let colour = light.get().map_or("none", Light::as_str);
        format!("light light-{colour} {class}")
    };
    view! {
        <span class=classes data-light=move || light.get().map_or("", Light::as_str)>
            {move || light.get().map_or("—", Light::label)}
        </span>
    }
}
