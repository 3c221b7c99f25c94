use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};

use crate::components::{AppHeader, Loading, SideNav};
use crate::contexts::{SessionState, provide_project_list, provide_years, use_session};

/// The workspace: header, role navigation and the current section. Sends
/// visitors without a session to the login page.
#[component]
pub fn ShellPage() -> impl IntoView {
    let session = use_session();
    provide_years();
    provide_project_list();
    let phase = Memo::new(move |_| match session.state() {
        SessionState::Checking => Phase::Checking,
        SessionState::SignedOut => Phase::SignedOut,
        SessionState::Unavailable(message) => Phase::Unavailable(message),
        SessionState::SignedIn(_) => Phase::SignedIn,
    });
    move || match phase.get() {
        Phase::Checking => view! { <Loading text="正在验证登录状态…" /> }.into_any(),
        Phase::SignedOut => view! { <Redirect path="/login" /> }.into_any(),
        Phase::Unavailable(message) => view! {
            <div class="main">
                <div class="notice error" role="alert">{message}</div>
                <button on:click=move |_| session.check()>"重试"</button>
            </div>
        }
        .into_any(),
        Phase::SignedIn => view! {
            <div class="shell">
                <AppHeader />
                <div class="shell-body">
                    <SideNav />
                    <main class="main">
                        <Outlet />
                    </main>
                </div>
            </div>
        }
        .into_any(),
    }
}

/// The shell only re-renders when the phase changes, not on every session write.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    Checking,
    SignedOut,
    Unavailable(String),
    SignedIn,
}
