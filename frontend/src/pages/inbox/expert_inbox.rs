use leptos::prelude::*;

use super::opinion_form::{OpinionForm, OpinionTarget};
use super::project_facts::ProjectFacts;
use crate::api::experts::panels::{self, ExpertOpinion, PanelItem};
use crate::components::{Notice, PagedList, ScoreTable, TargetView};
use crate::format::{date_time, number};

/// 我的待办 of an expert: the items of its panels (targets for 专家集中会审,
/// projects for ex-ante assessment), each with its opinion. One item's form
/// is open at a time: the first without an opinion, or the one chosen.
#[component]
pub fn ExpertInbox() -> impl IntoView {
    let done = RwSignal::new(0usize);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let active = RwSignal::new(None::<String>);
    let load = move |after| {
        done.track();
        panels::my_items(after)
    };
    let on_done = Callback::new(move |message: String| {
        notice.set(Some(Ok(message)));
        active.set(None);
        done.update(|n| *n += 1);
    });
    view! {
        <Notice message=notice />
        <PagedList id="inbox-items" total_id="inbox-total" empty="暂无分配给您的评审事项" load let:items>
            {
                // Until the expert picks one, the first item without an opinion is open.
                let first_open = items.iter().find(|i| i.my_opinion.is_none()).map(|i| i.id.clone());
                items
                    .into_iter()
                    .map(|item| {
                        let default_open = first_open.as_deref() == Some(item.id.as_str());
                        item_card(item, default_open, active, on_done)
                    })
                    .collect_view()
            }
        </PagedList>
    }
}

fn item_card(
    item: PanelItem,
    default_open: bool,
    active: RwSignal<Option<String>>,
    on_done: Callback<String>,
) -> impl IntoView {
    let id = item.id.clone();
    let (title, body, about) = match (item.target, item.assessment) {
        (Some(t), _) => (
            format!("专家集中会审 · {} {}（{}）", t.project.code, t.project.name, t.project.unit.name),
            view! { <TargetView overall_goal=t.overall_goal indicators=t.indicators /> }.into_any(),
            OpinionTarget::TargetItem(id.clone()),
        ),
        (None, Some(a)) => (
            format!("事前绩效评估 · {} {}", a.project.code, a.project.name),
            view! { <ProjectFacts project=a.project /> }.into_any(),
            OpinionTarget::ExAnteItem(id.clone()),
        ),
        (None, None) => ("（事项已不可见）".to_owned(), ().into_any(), OpinionTarget::TargetItem(id.clone())),
    };
    let mine = item.my_opinion.map(my_opinion_view);
    let has_mine = mine.is_some();
    let key = id.clone();
    let is_active = move || active.with(|a| a.as_ref().map_or(default_open, |k| *k == key));
    let open_key = id.clone();
    view! {
        <div class="card panel-item" data-id=id>
            <h2>{title}</h2>
            {body}
            {mine}
            {move || if is_active() {
                view! { <OpinionForm about=about.clone() on_done /> }.into_any()
            } else {
                view! {
                    <button class="secondary opinion-open" on:click={
                        let open_key = open_key.clone();
                        move |_| active.set(Some(open_key.clone()))
                    }>
                        {if has_mine { "修改意见" } else { "填写意见" }}
                    </button>
                }.into_any()
            }}
        </div>
    }
}

fn my_opinion_view(o: ExpertOpinion) -> impl IntoView {
    let scores = match (o.score, o.dimension_scores) {
        (Some(s), _) => view! { <p>{format!("评分：{}", number(s))}</p> }.into_any(),
        (None, Some(dims)) => view! { <ScoreTable scores=dims total=None /> }.into_any(),
        (None, None) => ().into_any(),
    };
    view! {
        <div class="notice ok my-opinion">
            <p>{format!("您已于 {} 提交意见", date_time(&o.at))}</p>
            {scores}
            <p>{o.opinion}</p>
        </div>
    }
}
