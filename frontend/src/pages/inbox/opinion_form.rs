use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::api::ex_ante;
use crate::api::experts::panels::{self, OpinionInput};
use crate::components::{DimensionScores, FormField, dimension_total, empty_scores};
use crate::format::number;

/// What the opinion is about, and so how it is scored and sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpinionTarget {
    /// 专家集中会审 of a target: one score, 0–100 (`submitOpinion`).
    TargetItem(String),
    /// An ex-ante item of an expert panel: five dimension scores (`submitOpinion`).
    ExAnteItem(String),
    /// A firm's commissioned assessment: five dimension scores (`submitExAnteScores`).
    Commission(String),
}

/// A single score 0–100 with at most two places.
fn check_score(text: &str) -> Result<Decimal, String> {
    let score = text.trim().parse::<Decimal>().map_err(|_| "请填写 0–100 的评分".to_owned())?;
    if score < Decimal::ZERO || score > Decimal::ONE_HUNDRED || score.normalize().scale() > 2 {
        return Err("评分须在 0 到 100 之间，最多两位小数".to_owned());
    }
    Ok(score)
}

/// The opinion form: `#opinion-score` or the five `.dimension-score`s,
/// `#opinion-text`, `#opinion-submit`; errors in `#opinion-error`.
#[component]
pub fn OpinionForm(about: OpinionTarget, on_done: Callback<String>) -> impl IntoView {
    let single = matches!(about, OpinionTarget::TargetItem(_));
    let score = RwSignal::new(String::new());
    let scores = RwSignal::new(empty_scores());
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let problem = Memo::new(move |_| {
        let scored = if single {
            check_score(&score.get()).map(|_| ())
        } else {
            scores.with(|s| dimension_total(s)).map(|_| ())
        };
        scored
            .and_then(|()| if text.with(|t| t.trim().is_empty()) { Err("请填写评审意见".to_owned()) } else { Ok(()) })
    });
    let submit = Action::new_local(move |(): &()| {
        let about = about.clone();
        let opinion = text.get_untracked().trim().to_owned();
        let one = check_score(&score.get_untracked()).map(number).ok();
        let five: Vec<String> = scores.get_untracked().iter().map(|s| s.trim().to_owned()).collect();
        async move {
            let sent = match about {
                OpinionTarget::TargetItem(item_id) => {
                    panels::submit_opinion(OpinionInput { item_id, score: one, dimension_scores: None, opinion })
                        .await
                        .map(|_| ())
                }
                OpinionTarget::ExAnteItem(item_id) => {
                    panels::submit_opinion(OpinionInput { item_id, score: None, dimension_scores: Some(five), opinion })
                        .await
                        .map(|_| ())
                }
                OpinionTarget::Commission(id) => ex_ante::submit_scores(id, five, opinion).await.map(|_| ()),
            };
            match sent {
                Ok(()) => on_done.run("评审意见已提交".to_owned()),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let scoring = if single {
        view! {
            <FormField label="评分（0–100）">
                <input id="opinion-score" type="text" inputmode="decimal" bind:value=score />
            </FormField>
        }
        .into_any()
    } else {
        view! { <DimensionScores scores /> }.into_any()
    };
    view! {
        <div class="opinion-form">
            <h3>"评审意见"</h3>
            {scoring}
            <FormField label="意见" full=true>
                <textarea id="opinion-text" rows="3" bind:value=text></textarea>
            </FormField>
            <p class="field-hint">{move || problem.get().err().unwrap_or_default()}</p>
            <p class="form-error" id="opinion-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <button
                id="opinion-submit"
                disabled=move || problem.with(Result::is_err) || submit.pending().get()
                on:click=move |_| {
                    error.set(None);
                    submit.dispatch(());
                }
            >
                "提交意见"
            </button>
        </div>
    }
}
