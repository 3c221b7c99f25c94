use crate::format::level1_label;
use leptos::prelude::*;
use shared::indicators::{Comparator, Direction, Field, Level2, LibraryEntry, validate_library_entry};

use crate::api::ApiError;
use crate::api::indicators::{self, LibraryIndicator};
use crate::components::{EnumSelect, FormField};

/// Who adds the entry: a unit proposes a 特性指标, the 绩效股 adds it directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMode {
    Propose,
    Create,
}

/// A library entry form, checked live with `validate_library_entry`.
#[component]
pub fn IndicatorForm(mode: FormMode, on_saved: Callback<LibraryIndicator>) -> impl IntoView {
    let level2 = RwSignal::new(Some(Level2::Quantity));
    let field = RwSignal::new(Some(Field::Education));
    let name = RwSignal::new(String::new());
    let comparator = RwSignal::new(Some(Comparator::AtLeast));
    let unit = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let scoring = RwSignal::new(String::new());
    let direction = RwSignal::new(Some(Direction::Positive));
    let attempted = RwSignal::new(false);
    let entry = Memo::new(move |_| {
        LibraryEntry {
            level2: level2.get().unwrap_or(Level2::Quantity),
            field: field.get().unwrap_or(Field::Education),
            name: name.get(),
            comparator: comparator.get().unwrap_or(Comparator::AtLeast),
            unit: unit.get(),
            reference_value: reference.get(),
            scoring_standard: scoring.get(),
            direction: direction.get().unwrap_or(Direction::Positive),
        }
        .trimmed()
    });
    let problems = Memo::new(move |_| validate_library_entry(&entry.get()));
    let save = Action::new_local(move |input: &LibraryEntry| {
        let input = input.clone();
        async move {
            let saved = match mode {
                FormMode::Propose => indicators::propose(input).await,
                FormMode::Create => indicators::create(input).await,
            };
            if let Ok(indicator) = &saved {
                on_saved.run(indicator.clone());
            }
            saved
        }
    });
    let server_error = move || save.value().get().and_then(Result::err);
    let message = move |key: &'static str| {
        Signal::derive(move || {
            let local = problems.with(|p| p.iter().find(|(f, _)| *f == key).map(|(_, m)| m.clone()));
            let server = server_error().filter(|e: &ApiError| e.field.as_deref() == Some(key)).map(|e| e.message);
            local.filter(|_| attempted.get() || !name.with(String::is_empty)).or(server)
        })
    };
    let text = move |id: &'static str, label: &'static str, signal: RwSignal<String>, key: &'static str, error_id| {
        view! {
            <FormField label error=message(key) error_id=error_id>
                <input id=id type="text" bind:value=signal />
            </FormField>
        }
    };
    let title = match mode {
        FormMode::Propose => "提议特性指标（报绩效股审核入库）",
        FormMode::Create => "新增指标（直接入库）",
    };
    view! {
        <form class="card" id="library-form" on:submit=move |ev| {
            ev.prevent_default();
            attempted.set(true);
            if problems.with(Vec::is_empty) {
                save.dispatch(entry.get_untracked());
            }
        }>
            <h2>{title}</h2>
            <p class="form-error" id="lib-form-error" role="alert">
                {move || server_error().filter(|e| e.field.is_none()).map(|e| e.message).unwrap_or_default()}
            </p>
            <div class="form-grid">
                <FormField label="领域">
                    <EnumSelect id="lib-field" value=field />
                </FormField>
                <FormField label="二级指标">
                    <EnumSelect id="lib-level2" value=level2 group=level1_label />
                </FormField>
                {text("lib-name", "三级指标名称", name, "name", "error-lib-name")}
                <FormField label="指标性质">
                    <EnumSelect id="lib-comparator" value=comparator />
                </FormField>
                {text("lib-reference", "参考值", reference, "referenceValue", "error-lib-referenceValue")}
                {text("lib-unit", "计量单位", unit, "unit", "error-lib-unit")}
                <FormField label="指标方向">
                    <EnumSelect id="lib-direction" value=direction />
                </FormField>
                {text("lib-scoring", "评分标准", scoring, "scoringStandard", "error-lib-scoringStandard")}
            </div>
            <div class="form-actions">
                <button id="lib-save" type="submit" disabled=move || save.pending().get()>"保存"</button>
            </div>
        </form>
    }
}
