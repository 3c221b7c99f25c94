use leptos::prelude::*;
use shared::indicators::Field;

use crate::api::indicators::{self, ImportResult};
use crate::components::{ActionButton, EnumSelect, ImportErrors};
use crate::files::{XLSX, chosen_file, download_base64, read_base64};

/// The file name of the exported library.
const EXPORT_NAME: &str = "指标库.xlsx";

/// 导出: the library (of the chosen field) as 指标库.xlsx.
#[component]
pub fn ExportButton() -> impl IntoView {
    let field = RwSignal::new(None::<Field>);
    let error = RwSignal::new(None::<String>);
    let export = Action::new_local(move |field: &Option<Field>| {
        let field = *field;
        async move {
            let outcome = match indicators::export(field).await {
                Ok(content) => download_base64(&content, EXPORT_NAME, XLSX),
                Err(err) => Err(err.message),
            };
            error.set(outcome.err());
        }
    });
    view! {
        <EnumSelect id="export-field" value=field any_label=Some("全部领域") />
        <ActionButton id="library-export" class="secondary" label="导出" busy_label="导出中…" pending=export.pending()
            on_click=Callback::new(move |()| { export.dispatch(field.get_untracked()); }) />
        {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
    }
}

/// 导入: an .xlsx in the export's format; all or nothing, with each row's
/// problems listed (`#import-errors`).
#[component]
pub fn ImportPanel(on_imported: Callback<()>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let outcome = RwSignal::new(None::<Result<ImportResult, String>>);
    let import = Action::new_local(move |(): &()| {
        let file = input.get_untracked().and_then(|el| chosen_file(&el));
        async move {
            let Some(file) = file else {
                return outcome.set(Some(Err("请选择要导入的 .xlsx 文件".to_owned())));
            };
            let result = match read_base64(&file).await {
                Ok(content) => indicators::import(content).await.map_err(|e| e.message),
                Err(message) => Err(message),
            };
            if result.as_ref().is_ok_and(|r| r.errors.is_empty()) {
                on_imported.run(());
            }
            outcome.set(Some(result));
        }
    });
    view! {
        <div class="card" id="import-panel">
            <h2>"导入指标"</h2>
            <p class="field-hint">"使用“导出”所得的表格格式（一级指标、二级指标、领域、指标名称、指标性质、计量单位、参考值、评分标准、指标方向）；有任何一行出错则全部不导入。"</p>
            <div class="toolbar">
                <input type="file" id="import-file" accept=".xlsx" node_ref=input />
                <ActionButton id="import-submit" label="导入" busy_label="导入中…" pending=import.pending()
                    on_click=Callback::new(move |()| { import.dispatch(()); }) />
            </div>
            {move || outcome.get().map(outcome_view)}
        </div>
    }
}

fn outcome_view(outcome: Result<ImportResult, String>) -> AnyView {
    match outcome {
        Err(message) => view! { <div class="notice error" role="alert" id="import-result">{message}</div> }.into_any(),
        Ok(result) if result.errors.is_empty() => view! {
            <div class="notice ok" id="import-result">
                {format!("导入成功：新增 {} 条，更新 {} 条", result.created, result.updated)}
            </div>
        }
        .into_any(),
        Ok(result) => {
            let count = result.errors.len();
            view! {
                <div class="notice error" role="alert" id="import-result">
                    {format!("导入失败：{count} 处错误，未导入任何指标。请修改后重新导入。")}
                </div>
                <ImportErrors errors=result.errors />
            }
            .into_any()
        }
    }
}
