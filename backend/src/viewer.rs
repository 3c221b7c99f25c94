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
