//! The logged-in user, provided once at the root.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::permissions::{Capability, allows};

use crate::api::users::User;
use crate::api::{ErrorCode, client, sessions};
use crate::nav::{NavItem, nav_items};

/// Where the session stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// Stored tokens are being checked (`me`).
    Checking,
    SignedOut,
    SignedIn(User),
    /// Tokens are stored but the server could not be asked (network, server error).
    Unavailable(String),
}

/// The session: who is logged in and what they may do.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    state: RwSignal<SessionState>,
}

impl Session {
    pub fn state(&self) -> SessionState {
        self.state.get()
    }

    /// The logged-in user (tracked).
    pub fn user(&self) -> Option<User> {
        self.state.with(|state| match state {
            SessionState::SignedIn(user) => Some(user.clone()),
            _ => None,
        })
    }

    /// The logged-in user, without subscribing (for component set-up).
    pub fn user_untracked(&self) -> Option<User> {
        self.state.with_untracked(|state| match state {
            SessionState::SignedIn(user) => Some(user.clone()),
            _ => None,
        })
    }

    /// Whether the logged-in user has a capability, without subscribing.
    pub fn can_untracked(&self, cap: Capability) -> bool {
        self.user_untracked().is_some_and(|user| allows(user.role, user.organisation.kind, cap))
    }

    /// Whether the logged-in user has a capability (tracked).
    pub fn can(&self, cap: Capability) -> bool {
        self.state.with(|state| match state {
            SessionState::SignedIn(user) => allows(user.role, user.organisation.kind, cap),
            _ => false,
        })
    }

    /// The user's navigation (tracked); empty when signed out.
    pub fn nav(&self) -> Vec<NavItem> {
        self.state.with(|state| match state {
            SessionState::SignedIn(user) => nav_items(user.role, user.organisation.kind),
            _ => Vec::new(),
        })
    }

    /// Where the user lands: the first navigation item.
    pub fn home(&self) -> &'static str {
        self.nav().first().map_or("/", |item| item.href())
    }

    pub fn sign_in(&self, user: User) {
        self.state.set(SessionState::SignedIn(user));
    }

    pub fn sign_out(&self) {
        client::clear_tokens();
        self.state.set(SessionState::SignedOut);
    }

    /// Asks the server who the stored tokens belong to.
    pub fn check(&self) {
        let state = self.state;
        state.set(SessionState::Checking);
        spawn_local(async move {
            let next = match sessions::me().await {
                Ok(user) => SessionState::SignedIn(user),
                Err(err) if err.code == ErrorCode::Unauthenticated => SessionState::SignedOut,
                Err(err) => SessionState::Unavailable(err.message),
            };
            state.set(next);
        });
    }
}

/// Creates the session; checks stored tokens, if any.
pub fn provide_session() {
    let state = RwSignal::new(SessionState::SignedOut);
    let session = Session { state };
    client::on_session_expired(move || state.set(SessionState::SignedOut));
    if client::has_tokens() {
        session.check();
    }
    provide_context(session);
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
