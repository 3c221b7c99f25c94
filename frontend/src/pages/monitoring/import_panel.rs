use leptos::prelude::*;
use shared::monitoring::JobStatus;
use wasm_bindgen_futures::JsFuture;

use crate::api::monitoring::{self, ImportJob};
use crate::components::{ActionButton, ImportErrors};
use crate::files::{XLSX, chosen_file, download_base64, read_base64};

/// The file name of the downloaded template.
const TEMPLATE_NAME: &str = "执行数据模板.xlsx";
/// How often a running import is asked for its progress.
const POLL_MS: i32 = 500;

/// Waits `ms` milliseconds (a `setTimeout` promise).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// 执行数据导入: the round's template (one row per approved project in the
/// caller's scope), then an upload that runs in the background: its progress
/// is polled every 500 ms; all rows are applied or none, each problem listed
/// with its row and column.
#[component]
pub fn ImportPanel(round_id: String, open: bool, on_imported: Callback<()>) -> impl IntoView {
    let round_id = StoredValue::new(round_id);
    let template_error = RwSignal::new(None::<String>);
    let download = Action::new_local(move |(): &()| {
        let round_id = round_id.get_value();
        async move {
            let outcome = match monitoring::template(round_id).await {
                Ok(content) => download_base64(&content, TEMPLATE_NAME, XLSX),
                Err(err) => Err(err.message),
            };
            template_error.set(outcome.err());
        }
    });

    let input = NodeRef::<leptos::html::Input>::new();
    let job = RwSignal::new(None::<ImportJob>);
    let start_error = RwSignal::new(None::<String>);
    let import = Action::new_local(move |(): &()| {
        let file = input.get_untracked().and_then(|el| chosen_file(&el));
        let round_id = round_id.get_value();
        async move {
            job.set(None);
            start_error.set(None);
            let Some(file) = file else {
                start_error.set(Some("请选择要导入的 .xlsx 文件".to_owned()));
                return;
            };
            let started = match read_base64(&file).await {
                Ok(content) => monitoring::import_execution(round_id, content).await.map_err(|e| e.message),
                Err(message) => Err(message),
            };
            let mut current = match started {
                Ok(started) => started,
                Err(message) => {
                    start_error.set(Some(message));
                    return;
                }
            };
            loop {
                let running = current.status == Some(JobStatus::Running);
                let succeeded = current.status == Some(JobStatus::Succeeded);
                let id = current.id.clone();
                // The page was left: stop asking.
                if job.try_set(Some(current)).is_some() {
                    return;
                }
                if !running {
                    if succeeded {
                        on_imported.run(());
                    }
                    return;
                }
                sleep(POLL_MS).await;
                current = match monitoring::import_job(id).await {
                    Ok(next) => next,
                    Err(err) => {
                        let _ = job.try_set(None);
                        let _ = start_error.try_set(Some(format!("无法获取导入进度：{}", err.message)));
                        return;
                    }
                };
            }
        }
    });
    view! {
        <div class="card import-panel" id="import-panel">
            <h2>"执行数据导入（Excel）"</h2>
            <p class="field-hint">
                "下载模板，在“截至目前执行金额（元）”一列填写金额后上传；有任何一行出错则全部不导入，请按下方列出的行号修改后重新上传。导入只更新执行金额，指标完成情况请在表单中填写。"
            </p>
            <div class="toolbar">
                <ActionButton id="download-template" class="secondary" label="下载模板" busy_label="下载中…"
                    pending=download.pending() on_click=Callback::new(move |()| { download.dispatch(()); }) />
                {open
                    .then(|| {
                        view! {
                            <input type="file" id="import-file" accept=".xlsx" node_ref=input />
                            <ActionButton id="import-start" label="开始导入" busy_label="导入中…" pending=import.pending()
                                on_click=Callback::new(move |()| { import.dispatch(()); }) />
                        }
                    })}
            </div>
            {(!open).then(|| view! { <div class="notice info">"监控任务已结束，不能再导入。"</div> })}
            {move || template_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || start_error.get().map(|e| view! { <div class="notice error" role="alert" id="import-status">{e}</div> })}
            {move || job.get().map(job_view)}
        </div>
    }
}

fn job_view(job: ImportJob) -> impl IntoView {
    let progress = format!("已处理 {} / {}", job.processed, job.total);
    let (class, text) = match job.status {
        Some(JobStatus::Running) | None => ("notice info", "导入中，请稍候…".to_owned()),
        Some(JobStatus::Succeeded) => (
            "notice ok",
            format!("{}：已更新 {} 个项目的执行金额，灯已重新计算。", JobStatus::Succeeded.label(), job.applied),
        ),
        Some(JobStatus::Failed) => (
            "notice error",
            format!("{}：{} 处错误，未导入任何数据。请修改后重新上传。", JobStatus::Failed.label(), job.errors.len()),
        ),
    };
    let errors = (!job.errors.is_empty()).then(|| view! { <ImportErrors errors=job.errors /> });
    view! {
        <p class="import-progress" id="import-progress">{progress}</p>
        <div class=class id="import-status" role="status">{text}</div>
        {errors}
    }
}
