use leptos::prelude::*;

/// A headline figure: label, value (`#id`) and unit.
#[component]
pub fn Kpi(
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] unit: &'static str,
) -> impl IntoView {
    view! {
        <div class="kpi">
            <div class="kpi-label">{label}</div>
            <div>
                <span class="kpi-value" id=id>{value}</span>
                <span class="kpi-unit">{unit}</span>
            </div>
        </div>
    }
}
