use leptos::prelude::*;

use crate::api::monitoring::{self, RoundUnit};
use crate::api::{ApiError, Connection};
use crate::components::{AsyncSection, EmptyState, Pager, PagerState};
use crate::format::date_time;

/// The round's units in the caller's scope: submitted or not, late or not,
/// reviewed or not. Finance sections review (审核) a submitted report with a note.
#[component]
pub fn RoundUnits(round_id: String, can_review: bool) -> impl IntoView {
    let round_id = StoredValue::new(round_id);
    let pager = PagerState::new();
    let reviewed = RwSignal::new(0u32);
    let page = LocalResource::new(move || {
        reviewed.track();
        monitoring::units(round_id.get_value(), pager.after())
    });
    let on_reviewed = Callback::new(move |()| reviewed.update(|n| *n += 1));
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection = page.await?;
                Ok::<_, ApiError>(units_table(connection, round_id.get_value(), pager, can_review, on_reviewed))
            })}
        </AsyncSection>
    }
}

fn units_table(
    connection: Connection<RoundUnit>,
    round_id: String,
    pager: PagerState,
    can_review: bool,
    on_reviewed: Callback<()>,
) -> AnyView {
    if connection.edges.is_empty() {
        return view! { <EmptyState text="没有在您范围内的单位。" /> }.into_any();
    }
    let total = connection.total_count;
    let next_cursor = connection.next_cursor();
    let rows = connection
        .into_nodes()
        .into_iter()
        .map(|unit| {
            let submitted = unit.submitted_at.as_deref().map_or_else(|| "未提交".to_owned(), date_time);
            let late = match (unit.late, unit.submitted_at.is_some()) {
                (true, true) => view! { <span class="tag danger">"逾期提交"</span> }.into_any(),
                (true, false) => view! { <span class="tag danger">"逾期未报"</span> }.into_any(),
                (false, _) => view! { <span class="meta">"—"</span> }.into_any(),
            };
            let review = match &unit.reviewed_at {
                Some(at) => format!(
                    "{}{}",
                    date_time(at),
                    if unit.review_note.is_empty() { String::new() } else { format!("：{}", unit.review_note) }
                ),
                None => "未审核".to_owned(),
            };
            let action = (can_review && unit.submitted_at.is_some()).then(|| {
                view! { <ReviewCell round_id=round_id.clone() unit=unit.clone() on_reviewed /> }
            });
            view! {
                <tr data-unit=unit.unit.id.clone()>
                    <td>{unit.unit.name.clone()}</td>
                    <td>{unit.unit.kind.label()}</td>
                    <td>{submitted}</td>
                    <td>{late}</td>
                    <td class="wrap review-state">{review}</td>
                    <td class="actions">{action}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data" id="round-units">
                <thead>
                    <tr>
                        <th>"单位"</th>
                        <th>"类型"</th>
                        <th>"提交时间"</th>
                        <th>"逾期"</th>
                        <th>"审核"</th>
                        <th>"操作"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager state=pager total next_cursor total_id="round-units-total" />
    }
    .into_any()
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
