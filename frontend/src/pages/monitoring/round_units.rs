use leptos::prelude::*;

use crate::api::monitoring::{self, RoundUnit};
use crate::components::{Column, PagedTable};
use crate::format::date_time;

/// 逾期提交 / 逾期未报 / 未逾期 of a unit in a round.
pub fn late_tag(unit: &RoundUnit, id: Option<&'static str>) -> AnyView {
    match (unit.late, unit.submitted_at.is_some()) {
        (true, true) => view! { <span class="tag danger" id=id>"逾期提交"</span> }.into_any(),
        (true, false) => view! { <span class="tag danger" id=id>"逾期未报"</span> }.into_any(),
        (false, _) => view! { <span class="tag ok" id=id>"未逾期"</span> }.into_any(),
    }
}

/// When a unit's report was reviewed, with the note.
pub fn review_text(unit: &RoundUnit) -> Option<String> {
    let note = if unit.review_note.is_empty() { String::new() } else { format!("：{}", unit.review_note) };
    unit.reviewed_at.as_deref().map(|at| format!("{}{note}", date_time(at)))
}

/// The round's units in the caller's scope: submitted or not, late or not,
/// reviewed or not. Finance sections review (审核) a submitted report with a note.
#[component]
pub fn RoundUnits(round_id: String, can_review: bool) -> impl IntoView {
    let round_id = StoredValue::new(round_id);
    let reviewed = RwSignal::new(0u32);
    let on_reviewed = Callback::new(move |()| reviewed.update(|n| *n += 1));
    let columns = vec![
        Column::new("单位", |u: &RoundUnit| u.unit.name.clone()),
        Column::new("类型", |u: &RoundUnit| u.unit.kind.label()),
        Column::new("提交时间", |u: &RoundUnit| {
            u.submitted_at.as_deref().map_or_else(|| "未提交".to_owned(), date_time)
        }),
        Column::new("逾期", |u: &RoundUnit| late_tag(u, None)),
        Column::new("审核", |u: &RoundUnit| review_text(u).unwrap_or_else(|| "未审核".to_owned()))
            .class("wrap review-state"),
        Column::new("操作", move |u: &RoundUnit| {
            (can_review && u.submitted_at.is_some())
                .then(|| view! { <ReviewCell round_id=round_id.get_value() unit=u.clone() on_reviewed /> })
        })
        .class("actions"),
    ];
    let load = move |after| {
        reviewed.track();
        monitoring::units(round_id.get_value(), after)
    };
    view! {
        <PagedTable id="round-units" total_id="round-units-total" empty="没有在您范围内的单位。"
            columns row_key=|u: &RoundUnit| u.unit.id.clone() load />
    }
}

/// 审核: a note and the button.
#[component]
fn ReviewCell(round_id: String, unit: RoundUnit, on_reviewed: Callback<()>) -> impl IntoView {
    let note = RwSignal::new(unit.review_note.clone());
    let error = RwSignal::new(None::<String>);
    let unit_id = unit.unit.id.clone();
    let review = Action::new_local(move |note: &String| {
        let (round_id, unit_id, note) = (round_id.clone(), unit_id.clone(), note.clone());
        async move {
            match monitoring::review(round_id, unit_id, note).await {
                Ok(_) => on_reviewed.run(()),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let label = if unit.reviewed_at.is_some() { "重新审核" } else { "审核" };
    view! {
        <div class="inline-form review-cell">
            <input type="text" class="review-note" placeholder="审核意见" bind:value=note />
            <button
                type="button"
                class="small review-save"
                id=format!("review-{}", unit.unit.id)
                disabled=move || review.pending().get()
                on:click=move |_| {
                    error.set(None);
                    review.dispatch(note.get_untracked().trim().to_owned());
                }
            >
                {label}
            </button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}
