use leptos::prelude::*;

use crate::api::indicators::{self, LibraryIndicator};
use crate::components::Column;

/// What every list of library entries shows: 领域, 二级指标, 三级指标,
/// 指标性质, 参考值, 计量单位.
pub fn entry_columns() -> [Column<LibraryIndicator>; 6] {
    [
        Column::new("领域", |e: &LibraryIndicator| e.field.label()),
        Column::new("二级指标", |e: &LibraryIndicator| e.level2.label()),
        Column::new("三级指标", |e: &LibraryIndicator| e.name.clone()),
        Column::new("指标性质", |e: &LibraryIndicator| e.comparator.label()),
        Column::new("参考值", |e: &LibraryIndicator| e.reference_value.clone()),
        Column::new("计量单位", |e: &LibraryIndicator| e.unit.clone()),
    ]
}

/// The columns of the library table (`#library-table`); with `reviewable`,
/// a 入库 / 不予入库 cell per row.
pub fn library_columns(reviewable: bool, on_reviewed: Callback<()>) -> Vec<Column<LibraryIndicator>> {
    let [field, level2, name, comparator, reference, unit] = entry_columns();
    let level1 = Column::new("一级指标", |e: &LibraryIndicator| e.level1.label());
    let mut columns = vec![
        field,
        level1,
        level2,
        name,
        comparator,
        reference,
        unit,
        Column::new("指标方向", |e: &LibraryIndicator| e.direction.label()),
        Column::new("评分标准", |e: &LibraryIndicator| e.scoring_standard.clone()).wrap(),
        Column::new("来源", |e: &LibraryIndicator| e.source.label()),
        Column::new("状态", |e: &LibraryIndicator| {
            let reason =
                e.refusal_reason.clone().map(|r| view! { <div class="field-hint">{format!("理由：{r}")}</div> });
            view! { <span class="tag">{e.status.label()}</span> {reason} }
        }),
        Column::new("提议单位", |e: &LibraryIndicator| {
            e.proposed_by.as_ref().map_or_else(|| "—".to_owned(), |o| o.name.clone())
        }),
    ];
    if reviewable {
        columns.push(
            Column::new("审核", move |e: &LibraryIndicator| view! { <ReviewCell id=e.id.clone() on_reviewed /> })
                .class("actions review-cell"),
        );
    }
    columns
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
            match indicators::review(id, accept, reason).await {
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
        <div class="review-actions">
            <button type="button" class="library-accept" disabled=move || review.pending().get() on:click=move |_| {
                error.set(None);
                review.dispatch(true);
            }>"入库"</button>
            <input type="text" class="library-refuse-reason" placeholder="不予入库理由" bind:value=reason />
            <button type="button" class="danger library-refuse" disabled=move || review.pending().get() on:click=refuse>
                "不予入库"
            </button>
            <p class="field-error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </div>
    }
}
