use leptos::prelude::*;

/// A question before an irreversible step: what will happen, and the button
/// that does it.
#[derive(Clone)]
struct Question {
    title: String,
    consequence: String,
    action: &'static str,
    on_confirm: Callback<()>,
}

/// The confirmation a page asks through its [`ConfirmDialog`].
#[derive(Clone, Copy)]
pub struct Confirm {
    open: RwSignal<Option<Question>>,
}

impl Confirm {
    pub fn new() -> Self {
        Self { open: RwSignal::new(None) }
    }

    /// Shows `title` and what will happen (`consequence`); `action` labels the
    /// button that runs `on_confirm`. 取消 closes the dialog and does nothing.
    pub fn ask(
        &self,
        title: impl Into<String>,
        consequence: impl Into<String>,
        action: &'static str,
        on_confirm: impl Fn() + Send + Sync + 'static,
    ) {
        let on_confirm = Callback::new(move |()| on_confirm());
        self.open.set(Some(Question { title: title.into(), consequence: consequence.into(), action, on_confirm }));
    }
}

impl Default for Confirm {
    fn default() -> Self {
        Self::new()
    }
}

/// The modal dialog of a [`Confirm`] (`#confirm-dialog`, `#confirm-consequence`,
/// `#confirm-ok`, `#confirm-cancel`), shown while a question is open.
#[component]
pub fn ConfirmDialog(confirm: Confirm) -> impl IntoView {
    let close = move || confirm.open.set(None);
    move || {
        confirm.open.get().map(|q| {
            let run = q.on_confirm;
            view! {
                <div class="modal-backdrop">
                    <div class="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title" id="confirm-dialog">
                        <h2 id="confirm-title">{q.title}</h2>
                        <p class="consequence" id="confirm-consequence">{q.consequence}</p>
                        <div class="form-actions">
                            <button type="button" class="danger" id="confirm-ok" on:click=move |_| {
                                close();
                                run.run(());
                            }>{q.action}</button>
                            <button type="button" class="secondary" id="confirm-cancel" on:click=move |_| close()>
                                "取消"
                            </button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
