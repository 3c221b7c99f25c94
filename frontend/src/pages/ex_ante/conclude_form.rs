use leptos::prelude::*;
use shared::ex_ante::{Conclusion, consequence};
use shared::money::{format_yuan, parse_yuan};

use crate::api::ex_ante::{self, ExAnteAssessment};
use crate::components::{EnumSelect, FieldError, FormField};

/// 出具结论 (绩效股): the conclusion, a cut amount for 调整后支持 (checked with
/// `shared::ex_ante::consequence` against the requested amount), preconditions.
#[component]
pub fn ConcludeForm(assessment: ExAnteAssessment, on_done: Callback<ExAnteAssessment>) -> impl IntoView {
    let requested = assessment.project.requested_amount;
    let conclusion = RwSignal::new(Some(Conclusion::Support));
    let cut = RwSignal::new(String::new());
    let preconditions = RwSignal::new(assessment.preconditions.clone());
    let error = RwSignal::new(None::<String>);
    let adjusted = move || conclusion.get() == Some(Conclusion::SupportAdjusted);
    let check = Memo::new(move |_| {
        let Some(chosen) = conclusion.get() else { return Err("请选择评估结论".to_owned()) };
        let amount = if chosen == Conclusion::SupportAdjusted {
            let text = cut.get();
            if text.trim().is_empty() { None } else { Some(parse_yuan(&text).map_err(|e| e.to_string())?) }
        } else {
            None
        };
        consequence(chosen, requested, amount).map(|_| (chosen, amount))
    });
    let id = assessment.id.clone();
    let conclude = Action::new_local(move |(chosen, amount): &(Conclusion, Option<String>)| {
        let (id, chosen, amount) = (id.clone(), *chosen, amount.clone());
        let preconditions = preconditions.get_untracked().trim().to_owned();
        async move {
            match ex_ante::conclude(id, chosen, amount, preconditions).await {
                Ok(done) => on_done.run(done),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let consequence_hint = move || match check.get() {
        Ok((Conclusion::Reject | Conclusion::Defer, _)) => format!("将记入结果应用台账：{} 元", format_yuan(requested)),
        Ok((Conclusion::SupportAdjusted, Some(c))) => format!("将记入结果应用台账：评减 {} 元", format_yuan(c)),
        _ => String::new(),
    };
    view! {
        <div class="conclude-form">
            <div class="form-grid">
                <FormField label="评估结论">
                    <EnumSelect id="conclude-conclusion" value=conclusion />
                </FormField>
                <FormField label=format!("评减金额（元，申报 {}）", format_yuan(requested)) hidden=Signal::derive(move || !adjusted())>
                    <input id="conclude-cut" type="text" inputmode="decimal" bind:value=cut />
                </FormField>
                <FormField label="资金拨付前须落实的事项（可不填）" full=true>
                    <textarea id="conclude-preconditions" rows="2" bind:value=preconditions></textarea>
                </FormField>
            </div>
            <FieldError id="conclude-check" message=Signal::derive(move || check.get().err()) />
            <p class="field-hint">{consequence_hint}</p>
            <p class="form-error" id="conclude-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <button
                id="conclude-submit"
                disabled=move || check.with(Result::is_err) || conclude.pending().get()
                on:click=move |_| {
                    if let Ok((chosen, amount)) = check.get_untracked() {
                        error.set(None);
                        conclude.dispatch((chosen, amount.map(|a| a.to_string())));
                    }
                }
            >
                "出具结论"
            </button>
        </div>
    }
}
