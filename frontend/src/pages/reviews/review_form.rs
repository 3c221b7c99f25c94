use leptos::prelude::*;
use shared::money::parse_yuan;
use shared::organisations::OrgKind;
use shared::reviews::{ReviewAction, Reviewer, TargetState, transition};
use shared::roles::Role;

use crate::api::reviews;
use crate::components::FormField;
use crate::contexts::use_session;

/// The caller's place in the review chain, as `shared::reviews` sees it.
pub fn reviewer_of(role: Role, org_kind: OrgKind) -> Reviewer {
    match role {
        Role::Department | Role::Township => Reviewer::OwnUnit,
        Role::FinanceSection if org_kind == OrgKind::PerformanceSection => Reviewer::PerformanceSection,
        Role::FinanceSection => Reviewer::AssignedSection,
        _ => Reviewer::Other,
    }
}

const ACTIONS: [ReviewAction; 3] = [ReviewAction::Pass, ReviewAction::Return, ReviewAction::Approve];

fn button_id(action: ReviewAction) -> &'static str {
    match action {
        ReviewAction::Return => "review-return",
        ReviewAction::Approve => "review-approve",
        ReviewAction::Pass | ReviewAction::Submit => "review-pass",
    }
}

/// The reviewer's decision: reasons (`#review-reasons`, required to 退回), an
/// optional budget adjustment (`#review-adjust`, sent only with 通过 or 批复:
/// money moves only with a passing decision), and the actions
/// `shared::reviews::transition` allows in this state. The server decides.
#[component]
pub fn ReviewForm(project_id: String, state: TargetState, on_done: Callback<String>) -> impl IntoView {
    let session = use_session();
    let reviewer =
        session.user_untracked().map_or(Reviewer::Other, |user| reviewer_of(user.role, user.organisation.kind));
    let possible: Vec<ReviewAction> = ACTIONS.into_iter().filter(|a| transition(state, *a, reviewer).is_ok()).collect();
    if possible.is_empty() {
        let why = match transition(state, ReviewAction::Pass, reviewer) {
            _ if state == TargetState::Approved => "该目标已批复，审核已完成。".to_owned(),
            _ if state == TargetState::Returned => "该目标已退回单位修改，待单位重新提交。".to_owned(),
            _ if state.is_editable() => "该目标在单位编制中，尚未提交审核。".to_owned(),
            Err(err) => err.to_string(),
            Ok(_) => String::new(),
        };
        return view! { <div class="notice info" id="review-closed">{why}</div> }.into_any();
    }

    let reasons = RwSignal::new(String::new());
    let adjust = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let adjust_error = Memo::new(move |_| {
        adjust.with(|text| (!text.trim().is_empty()).then(|| parse_yuan(text).err().map(|e| e.to_string())).flatten())
    });
    let act = Action::new_local(move |action: &ReviewAction| {
        let action = *action;
        let project_id = project_id.clone();
        let reasons = Some(reasons.get_untracked().trim().to_owned()).filter(|r| !r.is_empty());
        let amount = (action != ReviewAction::Return)
            .then(|| adjust.with_untracked(|a| parse_yuan(a).ok().map(|v| v.to_string())))
            .flatten();
        async move {
            match reviews::review(project_id, action, reasons, amount).await {
                Ok(t) => on_done.run(format!("已{}，目标当前为“{}”。", action.label(), t.summary.state.label())),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let on_action = move |action: ReviewAction| {
        error.set(None);
        if action == ReviewAction::Return && reasons.with_untracked(|r| r.trim().is_empty()) {
            error.set(Some("退回须填写理由".to_owned()));
            return;
        }
        if action == ReviewAction::Return || adjust_error.get_untracked().is_none() {
            act.dispatch(action);
        }
    };
    let buttons = possible
        .into_iter()
        .map(|action| {
            let class = if action == ReviewAction::Return { "danger" } else { "" };
            view! {
                <button
                    type="button"
                    id=button_id(action)
                    class=class
                    disabled=move || {
                        act.pending().get() || (action != ReviewAction::Return && adjust_error.with(Option::is_some))
                    }
                    on:click=move |_| on_action(action)
                >
                    {action.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="card" id="review-form">
            <h2>{format!("审核意见（{}）", state.step().map_or("", |s| s.label()))}</h2>
            <div class="form-grid">
                <FormField label="意见 / 退回理由" full=true>
                    <textarea id="review-reasons" rows="3" bind:value=reasons></textarea>
                </FormField>
                <FormField
                    label="调整预算金额（元，随“通过”或“批复”提交，可不填）"
                    error=Signal::derive(move || adjust_error.get())
                    error_id="error-review-adjust"
                >
                    <input id="review-adjust" type="text" inputmode="decimal" placeholder="例如 50000" bind:value=adjust />
                </FormField>
            </div>
            <p class="form-error" id="review-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <div class="form-actions">{buttons}</div>
        </div>
    }
    .into_any()
}
