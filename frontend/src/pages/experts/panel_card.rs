use leptos::prelude::*;

use crate::api::experts::panels::{self, ExpertOpinion, ExpertPanel, PanelItem};
use crate::components::FormField;
use crate::format::{date_time, number};

/// One panel (`.panel`): members, items with the experts' opinions, and its
/// conclusion — or, until concluded, the 绩效股's conclusion form.
#[component]
pub fn PanelCard(panel: ExpertPanel, can_conclude: bool, on_concluded: Callback<()>) -> impl IntoView {
    let members = panel.members.iter().map(|m| m.display_name.clone()).collect::<Vec<_>>().join("、");
    let items = panel.items.into_iter().map(item_view).collect_view();
    let conclusion = match (panel.conclusion, panel.concluded_at) {
        (Some(text), at) => {
            let when = at.as_deref().map(date_time).unwrap_or_default();
            view! { <p class="panel-conclusion-text"><strong>"会审结论："</strong>{text}<span class="meta">{when}</span></p> }.into_any()
        }
        (None, _) if can_conclude => view! { <ConcludeBox panel_id=panel.id.clone() on_concluded /> }.into_any(),
        (None, _) => view! { <p class="empty">"尚未形成会审结论"</p> }.into_any(),
    };
    view! {
        <div class="card panel" data-id=panel.id.clone()>
            <div class="toolbar">
                <strong>{panel.purpose.map_or("专家组", |p| p.label())}</strong>
                <span class="tag">{panel.field.map_or("—", |f| f.label())}</span>
                <span class="meta">{format!("组建于 {}", date_time(&panel.created_at))}</span>
            </div>
            <p class="panel-members">{format!("专家组成员（{} 人）：{members}", panel.members.len())}</p>
            <ul class="panel-items">{items}</ul>
            {conclusion}
        </div>
    }
}

fn item_view(item: PanelItem) -> impl IntoView {
    let title = match (&item.target, &item.assessment) {
        (Some(t), _) => {
            format!("{} {}（{}）· 绩效目标第 {} 版", t.project.code, t.project.name, t.project.unit.name, t.revision)
        }
        (None, Some(a)) => format!("{} {}（{}）· 事前绩效评估", a.project.code, a.project.name, a.project.unit.name),
        (None, None) => "（事项已不可见）".to_owned(),
    };
    let opinions = if item.opinions.is_empty() {
        view! { <p class="empty">"专家尚未提交意见"</p> }.into_any()
    } else {
        let rows = item.opinions.into_iter().map(opinion_row).collect_view();
        view! {
            <table class="data opinions">
                <thead><tr><th>"专家"</th><th class="num">"评分"</th><th>"意见"</th><th>"时间"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! { <li class="panel-item-summary"><div>{title}</div>{opinions}</li> }
}

fn opinion_row(o: ExpertOpinion) -> impl IntoView {
    let score = match (o.score, o.dimension_scores) {
        (Some(s), _) => number(s),
        (None, Some(dims)) => {
            let parts = dims.iter().map(|d| number(*d)).collect::<Vec<_>>().join(" / ");
            format!("{}（{parts}）", number(dims.iter().sum()))
        }
        (None, None) => "—".to_owned(),
    };
    view! {
        <tr>
            <td>{o.expert}</td>
            <td class="num">{score}</td>
            <td class="wrap">{o.opinion}</td>
            <td>{date_time(&o.at)}</td>
        </tr>
    }
}

/// The conclusion text and `.panel-conclude`.
#[component]
fn ConcludeBox(panel_id: String, on_concluded: Callback<()>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let conclude = Action::new_local(move |conclusion: &String| {
        let (panel_id, conclusion) = (panel_id.clone(), conclusion.clone());
        async move {
            match panels::conclude(panel_id, conclusion).await {
                Ok(_) => on_concluded.run(()),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    view! {
        <div class="conclude-box">
            <FormField label="会审结论" full=true>
                <textarea class="panel-conclusion" rows="2" bind:value=text></textarea>
            </FormField>
            <p class="form-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <button class="panel-conclude" disabled=move || conclude.pending().get() on:click=move |_| {
                let conclusion = text.get_untracked().trim().to_owned();
                if conclusion.is_empty() {
                    error.set(Some("请填写会审结论".to_owned()));
                } else {
                    error.set(None);
                    conclude.dispatch(conclusion);
                }
            }>"形成会审结论"</button>
        </div>
    }
}
