use leptos::prelude::*;
use shared::monitoring::Light;

use crate::api::monitoring::UnitLights;
use crate::components::{EmptyState, LightBadge};

/// Units × lights: per unit, how many of its projects are blue, green,
/// yellow, red. Clicking a unit shows its projects in the list below.
#[component]
pub fn UnitLightsGrid(rows: Vec<UnitLights>, on_pick: Callback<String>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <EmptyState text="还没有单位上报项目。" /> }.into_any();
    }
    let heading =
        |light: Light| view! { <th class="num"><LightBadge light=Signal::derive(move || Some(light)) /></th> };
    let body = rows
        .into_iter()
        .map(|row| {
            let total = row.blue + row.green + row.yellow + row.red;
            let unit_id = row.unit.id.clone();
            let cell = |n: i64, light: Light| {
                let class = if n > 0 { format!("num count-{}", light.as_str()) } else { "num".to_owned() };
                view! { <td class=class>{n}</td> }
            };
            view! {
                <tr data-unit=row.unit.id.clone()>
                    <td>
                        <button type="button" class="link unit-pick" on:click=move |_| on_pick.run(unit_id.clone())>
                            {row.unit.name.clone()}
                        </button>
                    </td>
                    <td>{row.unit.kind.label()}</td>
                    {cell(row.blue, Light::Blue)}
                    {cell(row.green, Light::Green)}
                    {cell(row.yellow, Light::Yellow)}
                    {cell(row.red, Light::Red)}
                    <td class="num">{total}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll grid-scroll">
            <table class="data" id="unit-lights">
                <thead>
                    <tr>
                        <th>"单位"</th>
                        <th>"类型"</th>
                        {heading(Light::Blue)}
                        {heading(Light::Green)}
                        {heading(Light::Yellow)}
                        {heading(Light::Red)}
                        <th class="num">"项目数"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
