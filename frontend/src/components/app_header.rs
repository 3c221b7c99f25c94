use leptos::prelude::*;

use crate::api::sessions;
use crate::contexts::use_session;

/// The workspace header: product name, who is logged in, 退出登录.
#[component]
pub fn AppHeader() -> impl IntoView {
    let session = use_session();
    let logout = Action::new_local(move |_: &()| async move {
        sessions::logout().await;
        session.sign_out();
    });
    let who = move || {
        session.user().map(|user| {
            view! {
                <span class="who" id="current-user">
                    <strong>{user.display_name}</strong>
                    <span class="meta">{user.organisation.name}</span>
                    <span class="meta">{user.role.label()}</span>
                </span>
            }
        })
    };
    view! {
        <header class="app-header">
            <div class="product">"绩效管理平台 · Jixiao"</div>
            <div class="user">
                {who}
                <button id="logout" disabled=move || logout.pending().get() on:click=move |_| {
                    logout.dispatch(());
                }>"退出登录"</button>
            </div>
        </header>
    }
}
