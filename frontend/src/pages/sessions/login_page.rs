use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api::{ApiError, sessions};
use crate::contexts::use_session;

/// `/login`: username, password, 登录. Shows the server's message on failure
/// (wrong password, 账户已锁定, …).
#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let login = Action::new_local(move |(username, password): &(String, String)| {
        let (username, password) = (username.clone(), password.clone());
        async move {
            let user = sessions::login(username, password).await?;
            session.sign_in(user);
            Ok::<(), ApiError>(())
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (name, pass) = (username.get_untracked(), password.get_untracked());
        if name.trim().is_empty() || pass.is_empty() {
            missing.set(true);
            return;
        }
        missing.set(false);
        login.dispatch((name.trim().to_owned(), pass));
    };
    let error = move || {
        if missing.get() {
            return "请输入用户名和密码".to_owned();
        }
        match login.value().get() {
            Some(Err(err)) => err.message,
            _ => String::new(),
        }
    };
    let form = move || {
        view! {
            <div class="login-page">
                <form class="login-card" on:submit=submit novalidate>
                    <h1>"绩效管理平台"</h1>
                    <p class="subtitle">"Jixiao · 全过程预算绩效管理"</p>
                    <label>
                        <span>"用户名"</span>
                        <input id="username" type="text" autocomplete="username" bind:value=username />
                    </label>
                    <label>
                        <span>"密码"</span>
                        <input id="password" type="password" autocomplete="current-password" bind:value=password />
                    </label>
                    <button id="login-submit" type="submit" disabled=move || login.pending().get()>
                        {move || if login.pending().get() { "登录中…" } else { "登录" }}
                    </button>
                    <p class="login-error" id="login-error" role="alert">
                        {error}
                    </p>
                </form>
            </div>
        }
    };
    // Signed in (just now, or from an earlier visit): go to the role's first section.
    move || match session.user() {
        Some(_) => view! { <Redirect path=session.home() /> }.into_any(),
        None => form().into_any(),
    }
}
