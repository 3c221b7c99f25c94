use leptos::prelude::*;

use super::experts_tab::ExpertsTab;
use super::panel_card::PanelCard;
use super::panel_form::PanelForm;
use crate::api::ApiError;
use crate::api::panels::{self, ExpertPanel};
use crate::api::years::FiscalYear;
use crate::components::{AsyncSection, EmptyState, Notice, Pager, PagerState, TabBar, YearGate, YearSelect};

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
        <div class="page-head">
            <h1>"专家会审"</h1>
            <div class="toolbar">
                <YearSelect />
            </div>
        </div>
        <TabBar tabs current=tab />
        {move || match tab.get() {
            Tab::Panels => view! { <YearGate let:year><PanelsBody year /></YearGate> }.into_any(),
            Tab::Experts => view! { <div class="card"><ExpertsTab /></div> }.into_any(),
        }}
    }
}

#[component]
fn PanelsBody(year: FiscalYear) -> impl IntoView {
    let notice = RwSignal::new(None::<Result<String, String>>);
    let changed = RwSignal::new(0usize);
    let pager = PagerState::new();
    let year_id = year.id.clone();
    let page = LocalResource::new(move || {
        changed.track();
        panels::list(year_id.clone(), pager.after())
    });
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
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection = page.await?;
                let total = connection.total_count;
                let next_cursor = connection.next_cursor();
                let list = connection.into_nodes();
                let empty = list.is_empty();
                let cards = list
                    .into_iter()
                    .map(|panel| view! { <PanelCard panel can_conclude=open on_concluded /> })
                    .collect_view();
                Ok::<_, ApiError>(view! {
                    <div id="panels">{cards}</div>
                    {empty.then(|| view! { <EmptyState text="本年度尚未组建专家组" /> })}
                    <Pager state=pager total next_cursor total_id="panels-total" />
                })
            })}
        </AsyncSection>
    }
}
