use leptos::prelude::*;
use shared::monitoring::Light;

use crate::api::monitoring::UnitLights;
use crate::components::{Column, DataTable, LightBadge};

/// The projects of a unit with one light, a column headed by the light's badge.
fn count(light: Light, n: fn(&UnitLights) -> i64) -> Column<UnitLights> {
    let class = format!("count-{}", light.as_str());
    Column::num("", move |row: &UnitLights| {
        let n = n(row);
        view! { <span class=(n > 0).then(|| class.clone())>{n}</span> }
    })
    .head(move || view! { <LightBadge light=Signal::derive(move || Some(light)) /> })
}

/// Units × lights: per unit, how many of its projects are blue, green,
/// yellow, red. Clicking a unit shows its projects in the list below.
#[component]
pub fn UnitLightsGrid(rows: Vec<UnitLights>, on_pick: Callback<String>) -> impl IntoView {
    let columns = vec![
        Column::new("单位", move |row: &UnitLights| {
            let unit_id = row.unit.id.clone();
            view! {
                <button type="button" class="link unit-pick" on:click=move |_| on_pick.run(unit_id.clone())>
                    {row.unit.name.clone()}
                </button>
            }
        }),
        Column::new("类型", |row: &UnitLights| row.unit.kind.label()),
        count(Light::Blue, |r| r.blue),
        count(Light::Green, |r| r.green),
        count(Light::Yellow, |r| r.yellow),
        count(Light::Red, |r| r.red),
        Column::num("项目数", |r: &UnitLights| r.blue + r.green + r.yellow + r.red),
    ];
    view! {
        <div class="grid-scroll">
            <DataTable id="unit-lights" empty="还没有单位上报项目。"
                columns rows row_key=Some(|r: &UnitLights| r.unit.id.clone()) />
        </div>
    }
}
