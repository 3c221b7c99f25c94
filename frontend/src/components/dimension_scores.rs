use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::ex_ante::{Dimension, ExAnteRules, total_score};

use crate::format::number;

/// The five scores as typed, checked with `shared::ex_ante::total_score`:
/// the total, or why it cannot be computed yet.
pub fn dimension_total(texts: &[String]) -> Result<Decimal, String> {
    let mut scores = Vec::with_capacity(texts.len());
    for (dimension, text) in Dimension::ALL.iter().zip(texts) {
        let text = text.trim();
        if text.is_empty() {
            return Err(format!("请填写“{}”得分", dimension.label()));
        }
        let score = text.parse::<Decimal>().map_err(|_| format!("“{}”得分须为数字", dimension.label()))?;
        scores.push(score);
    }
    total_score(&scores, &ExAnteRules::default())
}

/// The five dimension score inputs (`.dimension-score`, 0–20 each) with the
/// live total (`#score-total`) or the first problem (`#score-error`).
#[component]
pub fn DimensionScores(scores: RwSignal<Vec<String>>) -> impl IntoView {
    let max = number(ExAnteRules::default().max_per_dimension);
    let inputs = Dimension::ALL
        .iter()
        .enumerate()
        .map(|(i, dimension)| {
            let max = max.clone();
            view! {
                <label class="field">
                    <span class="label">{format!("{}（0–{max} 分）", dimension.label())}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        class="dimension-score"
                        data-dimension=dimension.as_str()
                        prop:value=move || scores.with(|s| s.get(i).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            scores.update(|s| {
                                if let Some(slot) = s.get_mut(i) {
                                    *slot = value;
                                }
                            });
                        }
                    />
                </label>
            }
        })
        .collect_view();
    let total = Memo::new(move |_| scores.with(|s| dimension_total(s)));
    view! {
        <div class="form-grid dimension-scores">{inputs}</div>
        <p class="score-total">
            "总分 "
            <strong id="score-total">{move || total.get().map(number).unwrap_or_else(|_| "—".to_owned())}</strong>
            " / 100"
        </p>
        <p class="field-error" id="score-error" role="alert">
            {move || {
                let touched = scores.with(|s| s.iter().any(|t| !t.trim().is_empty()));
                total.get().err().filter(|_| touched).unwrap_or_default()
            }}
        </p>
    }
}

/// Five empty score inputs.
pub fn empty_scores() -> Vec<String> {
    vec![String::new(); Dimension::ALL.len()]
}
