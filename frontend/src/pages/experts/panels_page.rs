use leptos::prelude::*;

use super::experts_tab::ExpertsTab;
use super::panel_card::PanelCard;
use super::panel_form::PanelForm;
use crate::api::experts::panels::{self, ExpertPanel};
use crate::api::years::FiscalYear;
use crate::components::{Card, Notice, PageHead, PagedList, TabBar, YearGate, YearSelect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Panels,
    Experts,
}

/// 专家会审 (绩效股): forms expert panels for 专家集中会审 of targets and for
/// ex-ante assessments, follows their opinions and records conclusions;
/// 专家库 keeps the experts' fields and conflicts.
#[component]
pub fn PanelsPage() -> impl IntoView {
    let tab = RwSignal::new(Tab::Panels);
    let tabs = vec![(Tab::Panels, "专家组", "tab-panels"), (Tab::Experts, "专家库", "tab-experts")];
    view! {
        <PageHead title="专家会审">
            <YearSelect />
        </PageHead>
        <TabBar tabs current=tab />
        {move || match tab.get() {
            Tab::Panels => view! { <YearGate let:year><PanelsBody year /></YearGate> }.into_any(),
            Tab::Experts => view! { <Card><ExpertsTab /></Card> }.into_any(),
        }}
    }
}

#[component]
fn PanelsBody(year: FiscalYear) -> impl IntoView {
    let notice = RwSignal::new(None::<Result<String, String>>);
    let changed = RwSignal::new(0usize);
    let year_id = year.id.clone();
    let load = move |after| {
        changed.track();
        panels::list(year_id.clone(), after)
    };
    let on_formed = Callback::new(move |panel: ExpertPanel| {
        let names = panel.members.iter().map(|m| m.display_name.clone()).collect::<Vec<_>>().join("、");
        notice.set(Some(Ok(format!("已组建专家组（{}）：{names}", panel.field.map_or("—", |f| f.label())))));
        changed.update(|n| *n += 1);
    });
    let on_concluded = Callback::new(move |()| {
        notice.set(Some(Ok("已记录会审结论".to_owned())));
        changed.update(|n| *n += 1);
    });
    let open = !year.status.is_read_only();
    view! {
        <Notice message=notice />
        {open.then(|| view! { <PanelForm year=year.clone() on_formed /> })}
        <h2>"专家组"</h2>
        <PagedList id="panels" total_id="panels-total" empty="本年度尚未组建专家组" load let:panels>
            {panels.into_iter().map(|panel| view! { <PanelCard panel can_conclude=open on_concluded /> }).collect_view()}
        </PagedList>
    }
}
