//! The authenticated caller of a request.

use shared::organisations::OrgKind;
use shared::permissions::{Capability, Scope, allows, unit_scope};
use shared::roles::Role;

use crate::error::{AppError, AppResult};

/// Who is asking: loaded from the database for every request, so a disabled
/// user or a changed role takes effect at once.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: i64,
    pub username: String,
    pub role: Role,
    pub org_id: i64,
    pub org_kind: OrgKind,
    /// Set when the user may do nothing yet but change its password or wait
    /// for a grant; such a viewer is attached to a request only as [`Restricted`].
    pub restriction: Option<Restriction>,
}

/// Why a logged-in user is held at the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restriction {
    /// A one-time password (new or reset account) must be changed first.
    MustChangePassword,
    /// The role waits for the 安全管理员's grant.
    RoleNotGranted,
}

impl Restriction {
    pub fn error(self) -> AppError {
        match self {
            Restriction::MustChangePassword => AppError::PasswordChangeRequired,
            Restriction::RoleNotGranted => AppError::RoleNotGranted,
        }
    }
}

/// A restricted viewer: it reaches `me` and `changePassword` only, every other
/// field answers with the restriction's code. Kept apart from [`Viewer`] so
/// that no resolver can mistake it for an authorised caller.
#[derive(Debug, Clone)]
pub struct Restricted(pub Viewer);

/// Puts the caller into a request's data: as a `Viewer` when unrestricted.
pub fn attach(request: async_graphql::Request, viewer: Viewer) -> async_graphql::Request {
    match viewer.restriction {
        None => request.data(viewer),
        Some(_) => request.data(Restricted(viewer)),
    }
}

impl Viewer {
    pub fn can(&self, cap: Capability) -> bool {
        allows(self.role, self.org_kind, cap)
    }

    /// Refuses with `FORBIDDEN` unless the role has the capability.
    pub fn require(&self, cap: Capability) -> AppResult<()> {
        if self.can(cap) { Ok(()) } else { Err(AppError::forbidden()) }
    }

    /// How far unit data reaches for this viewer.
    pub fn unit_scope(&self) -> Scope {
        unit_scope(self.role, self.org_kind)
    }
}
