use leptos::prelude::*;

use crate::api::library::{self, LibraryIndicator};
use crate::components::EmptyState;

/// The library table (`#library-table`); with `reviewable`, a 入库 / 不予入库
/// cell per row.
pub fn library_table(entries: Vec<LibraryIndicator>, reviewable: bool, on_reviewed: Callback<()>) -> AnyView {
    if entries.is_empty() {
        return view! { <EmptyState text="没有符合条件的指标" /> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|e| {
            let proposer = e.proposed_by.as_ref().map_or_else(|| "—".to_owned(), |o| o.name.clone());
            let id = e.id.clone();
            view! {
                <tr data-id=e.id.clone()>
                    <td>{e.field.label()}</td>
                    <td>{e.level1.label()}</td>
                    <td>{e.level2.label()}</td>
                    <td>{e.name}</td>
                    <td>{e.comparator.label()}</td>
                    <td>{e.reference_value}</td>
                    <td>{e.unit}</td>
                    <td>{e.direction.label()}</td>
                    <td class="wrap">{e.scoring_standard}</td>
                    <td>{e.source.label()}</td>
                    <td>
                        <span class="tag">{e.status.label()}</span>
                        {e.refusal_reason.map(|r| view! { <div class="field-hint">{format!("理由：{r}")}</div> })}
                    </td>
                    <td>{proposer}</td>
                    {reviewable.then(|| view! { <ReviewCell id on_reviewed /> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data" id="library-table">
                <thead>
                    <tr>
                        <th>"领域"</th>
                        <th>"一级指标"</th>
                        <th>"二级指标"</th>
                        <th>"三级指标"</th>
                        <th>"指标性质"</th>
                        <th>"参考值"</th>
                        <th>"计量单位"</th>
                        <th>"指标方向"</th>
                        <th>"评分标准"</th>
                        <th>"来源"</th>
                        <th>"状态"</th>
                        <th>"提议单位"</th>
                        {reviewable.then(|| view! { <th>"审核"</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// 入库, or 不予入库 with a reason (required).
#[component]
fn ReviewCell(id: String, on_reviewed: Callback<()>) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let review = Action::new_local(move |accept: &bool| {
        let (id, accept) = (id.clone(), *accept);
        let reason = Some(reason.get_untracked().trim().to_owned()).filter(|r| !r.is_empty());
        async move {
            match library::review(id, accept, reason).await {
                Ok(_) => on_reviewed.run(()),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let refuse = move |_| {
        if reason.with_untracked(|r| r.trim().is_empty()) {
            error.set(Some("不予入库须填写理由".to_owned()));
        } else {
            error.set(None);
            review.dispatch(false);
        }
    };
    view! {
        <td class="actions review-cell">
            <button type="button" class="library-accept" disabled=move || review.pending().get() on:click=move |_| {
                error.set(None);
                review.dispatch(true);
            }>"入库"</button>
            <input type="text" class="library-refuse-reason" placeholder="不予入库理由" bind:value=reason />
            <button type="button" class="danger library-refuse" disabled=move || review.pending().get() on:click=refuse>
                "不予入库"
            </button>
            <p class="field-error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </td>
    }
}
