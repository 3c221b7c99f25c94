use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::indicators::Comparator;
use shared::monitoring::{
    DeviationReason, Light, LightRules, Likelihood, Progress, QualitativeProgress, check_indicator_report,
};
use shared::targets::TargetIndicator;

use crate::api::monitoring::{IndicatorReport, IndicatorReportInput};
use crate::components::{EnumSelect, LightBadge};
use shared::monitoring::entry::{self, parse_number};

/// What the unit is typing for one indicator of the approved target.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorDraft {
    pub position: usize,
    pub plan: StoredValue<TargetIndicator>,
    pub actual: RwSignal<String>,
    pub qualitative: RwSignal<Option<QualitativeProgress>>,
    pub likelihood: RwSignal<Option<Likelihood>>,
    pub forecast: RwSignal<String>,
    pub reasons: RwSignal<Vec<DeviationReason>>,
    pub measures: RwSignal<String>,
}

impl IndicatorDraft {
    /// A draft of the indicator at `position`, filled from an earlier report if any.
    pub fn new(position: usize, plan: TargetIndicator, earlier: Option<&IndicatorReport>) -> Self {
        let text = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
        IndicatorDraft {
            position,
            plan: StoredValue::new(plan),
            actual: RwSignal::new(text(earlier.and_then(|e| e.actual))),
            qualitative: RwSignal::new(earlier.and_then(|e| e.qualitative)),
            likelihood: RwSignal::new(earlier.and_then(|e| e.likelihood)),
            forecast: RwSignal::new(text(earlier.and_then(|e| e.forecast))),
            reasons: RwSignal::new(earlier.map(|e| e.reasons.clone()).unwrap_or_default()),
            measures: RwSignal::new(earlier.map(|e| e.measures.clone()).unwrap_or_default()),
        }
    }

    /// The progress typed so far (tracked): `Ok(None)` until given.
    pub fn progress(&self) -> Result<Option<Progress>, String> {
        let actual = self.actual.get();
        let qualitative = self.qualitative.get();
        self.plan.with_value(|plan| entry::progress(plan, &actual, qualitative))
    }

    /// The live light at `month` (tracked), once the progress is given.
    pub fn light(&self, month: u32, rules: &LightRules) -> Option<Light> {
        let progress = self.progress().ok().flatten()?;
        Some(self.plan.with_value(|plan| entry::indicator(plan, &progress, month, rules)))
    }

    /// Target completion for the fixed-floor gap check (tracked).
    pub fn completion(&self) -> Option<Decimal> {
        let progress = self.progress().ok().flatten()?;
        self.plan.with_value(|plan| entry::completion(plan, &progress))
    }

    /// Everything the report of this indicator still lacks or gets wrong (tracked):
    /// the progress, the likelihood and `shared::monitoring::check_indicator_report`.
    pub fn problem(&self) -> Option<String> {
        self.input().err()
    }

    /// The input to send, or what is wrong (tracked).
    pub fn input(&self) -> Result<IndicatorReportInput, String> {
        let qualitative_kind = self.plan.with_value(|p| p.comparator == Comparator::Qualitative);
        let progress = match self.progress()? {
            Some(p) => p,
            None if qualitative_kind => return Err("请选择完成情况".to_owned()),
            None => return Err("请填写截至目前完成值".to_owned()),
        };
        let likelihood = self.likelihood.get().ok_or_else(|| "请选择完成可能性".to_owned())?;
        let forecast = parse_number(&self.forecast.get()).map_err(|e| format!("全年预计完成值{e}"))?;
        let reasons = self.reasons.get();
        let measures = self.measures.get();
        check_indicator_report(likelihood, forecast, &reasons, &measures)?;
        let (actual, qualitative) = match progress {
            Progress::Actual(a) => (Some(a.normalize().to_string()), None),
            Progress::Qualitative(q) => (None, Some(q)),
        };
        Ok(IndicatorReportInput {
            position: self.position,
            actual,
            qualitative,
            likelihood,
            forecast: forecast.map(|f| f.normalize().to_string()),
            reasons,
            measures: measures.trim().to_owned(),
        })
    }
}

/// The indicator's target as the form shows it: `≥ 1200 人`, or the 定性 text.
fn target_text(plan: &TargetIndicator) -> String {
    match plan.comparator {
        Comparator::Qualitative => plan.target_value.clone(),
        c => format!("{} {} {}", c.label(), plan.target_value, plan.unit).trim_end().to_owned(),
    }
}

/// One row of the indicator table: progress, likelihood, forecast, reasons,
/// measures, and the live light.
#[component]
pub fn IndicatorEntry(
    draft: IndicatorDraft,
    month: u32,
    rules: StoredValue<LightRules>,
    #[prop(into)] disabled: Signal<bool>,
    /// Show every problem, touched or not (after a save was tried).
    #[prop(into)]
    show_problems: Signal<bool>,
) -> impl IntoView {
    let plan = draft.plan.get_value();
    let qualitative = plan.comparator == Comparator::Qualitative;
    let light = Signal::derive(move || rules.with_value(|r| draft.light(month, r)));
    let progress_error = move || draft.progress().err();
    let problem = move || draft.problem();
    let touched = RwSignal::new(false);
    let progress_cell = if qualitative {
        view! {
            <EnumSelect
                class="report-qualitative"
                value=draft.qualitative
                any_label=Some("请选择")
                disabled
                on_change=Callback::new(move |()| touched.set(true))
            />
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                inputmode="decimal"
                class="report-actual"
                class:invalid=move || progress_error().is_some()
                placeholder=plan.unit.clone()
                disabled=move || disabled.get()
                bind:value=draft.actual
                on:input=move |_| touched.set(true)
            />
        }
        .into_any()
    };
    let reasons = DeviationReason::ALL
        .iter()
        .map(|reason| {
            let reason = *reason;
            view! {
                <label class="reason">
                    <input
                        type="checkbox"
                        class="report-reason"
                        value=reason.as_str()
                        disabled=move || disabled.get()
                        prop:checked=move || draft.reasons.with(|r| r.contains(&reason))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            touched.set(true);
                            draft.reasons.update(|r| {
                                r.retain(|x| *x != reason);
                                if on {
                                    r.push(reason);
                                    r.sort();
                                }
                            });
                        }
                    />
                    {reason.label()}
                </label>
            }
        })
        .collect_view();
    view! {
        <tr class="report-indicator" data-position=draft.position>
            <td class="wrap">
                <div>{plan.name.clone()}</div>
                <div class="meta">{format!("{} · {}", plan.level2.label(), plan.direction.label())}</div>
                <p class="field-error indicator-problem">
                    {move || {
                        if touched.get() || show_problems.get() || progress_error().is_some() {
                            problem().unwrap_or_default()
                        } else {
                            String::new()
                        }
                    }}
                </p>
            </td>
            <td>{target_text(&plan)}</td>
            <td>{progress_cell}</td>
            <td>
                <EnumSelect
                    class="report-likelihood"
                    value=draft.likelihood
                    any_label=Some("请选择")
                    disabled
                    on_change=Callback::new(move |()| touched.set(true))
                />
            </td>
            <td>
                <input
                    type="text"
                    inputmode="decimal"
                    class="report-forecast"
                    placeholder=move || {
                        if draft.likelihood.get() == Some(Likelihood::Certain) { "可不填" } else { "必填" }
                    }
                    disabled=move || disabled.get()
                    bind:value=draft.forecast
                    on:input=move |_| touched.set(true)
                />
            </td>
            <td>
                <div class="reasons">{reasons}</div>
            </td>
            <td>
                <textarea
                    class="report-measures"
                    rows="2"
                    disabled=move || disabled.get()
                    bind:value=draft.measures
                    on:input=move |_| touched.set(true)
                ></textarea>
            </td>
            <td>
                <LightBadge light class="live-indicator-light" />
            </td>
        </tr>
    }
}
