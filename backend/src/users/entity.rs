use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "app_user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    /// An Argon2id PHC string; never leaves the backend.
    pub password_hash: String,
    /// A [`shared::roles::Role`] code.
    pub role: String,
    pub organisation_id: i64,
    pub active: bool,
    pub failed_logins: i32,
    pub locked_until: Option<DateTimeUtc>,
    pub last_login_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The role takes effect only once the 安全管理员 has granted it.
    pub role_granted: bool,
    /// A one-time password is set: nothing but a password change until then.
    pub must_change_password: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// What the audit log records of a user: everything but the password hash.
#[derive(serde::Serialize)]
pub struct AuditView<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub role_granted: bool,
    pub organisation_id: i64,
    pub active: bool,
    pub locked_until: Option<DateTimeUtc>,
    pub must_change_password: bool,
}

impl Model {
    /// What holds the user at the gate, if anything: first the one-time
    /// password, then the missing grant.
    pub fn restriction(&self) -> Option<crate::viewer::Restriction> {
        use crate::viewer::Restriction;
        if self.must_change_password {
            Some(Restriction::MustChangePassword)
        } else if !self.role_granted {
            Some(Restriction::RoleNotGranted)
        } else {
            None
        }
    }

    pub fn audit_view(&self) -> AuditView<'_> {
        AuditView {
            username: &self.username,
            display_name: &self.display_name,
            role: &self.role,
            role_granted: self.role_granted,
            organisation_id: self.organisation_id,
            active: self.active,
            locked_until: self.locked_until,
            must_change_password: self.must_change_password,
        }
    }
}
