//! The one error type. Every failure a client can see has a stable code in
//! `extensions.code`; internal errors are logged and masked.
//!
//! `AppError` deliberately does not implement `Display`: async-graphql turns
//! any `Display` error into a GraphQL error by itself, which would lose the
//! code. The conversion below is the only way out.

use async_graphql::ErrorExtensions;

/// The stable codes clients match on: `shared::errors`, which the frontend
/// matches on too.
pub use shared::errors as code;

#[derive(Debug)]
pub enum AppError {
    Unauthenticated(String),
    Forbidden(String),
    NotFound(&'static str),
    /// Invalid input; `field` names the input field when there is one.
    BadInput {
        field: Option<&'static str>,
        message: String,
    },
    Conflict(String),
    FieldFrozen {
        field: &'static str,
        message: String,
    },
    AccountLocked(String),
    YearClosed,
    PasswordChangeRequired,
    RoleNotGranted,
    /// Too many attempts; the duration is how long until the next is admitted.
    RateLimited(std::time::Duration),
    Internal(anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn unauthenticated() -> Self {
        AppError::Unauthenticated("请先登录".into())
    }

    pub fn forbidden() -> Self {
        AppError::Forbidden("无权执行此操作".into())
    }

    pub fn bad_input(message: impl Into<String>) -> Self {
        AppError::BadInput { field: None, message: message.into() }
    }

    pub fn bad_field(field: &'static str, message: impl Into<String>) -> Self {
        AppError::BadInput { field: Some(field), message: message.into() }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated(_) => code::UNAUTHENTICATED,
            AppError::Forbidden(_) => code::FORBIDDEN,
            AppError::NotFound(_) => code::NOT_FOUND,
            AppError::BadInput { .. } => code::BAD_USER_INPUT,
            AppError::Conflict(_) => code::CONFLICT,
            AppError::FieldFrozen { .. } => code::FIELD_FROZEN,
            AppError::AccountLocked(_) => code::ACCOUNT_LOCKED,
            AppError::YearClosed => code::YEAR_CLOSED,
            AppError::PasswordChangeRequired => code::PASSWORD_CHANGE_REQUIRED,
            AppError::RoleNotGranted => code::ROLE_NOT_GRANTED,
            AppError::RateLimited(_) => code::RATE_LIMITED,
            AppError::Internal(_) => code::INTERNAL,
        }
    }

    /// The Chinese message a user may see.
    pub fn message(&self) -> String {
        match self {
            AppError::Unauthenticated(m)
            | AppError::Forbidden(m)
            | AppError::Conflict(m)
            | AppError::AccountLocked(m)
            | AppError::BadInput { message: m, .. }
            | AppError::FieldFrozen { message: m, .. } => m.clone(),
            AppError::NotFound(what) => format!("{what}不存在或无权查看"),
            AppError::YearClosed => "该预算年度已关闭，数据只读".into(),
            AppError::PasswordChangeRequired => "请先修改初始密码（一次性密码）后再继续".into(),
            AppError::RoleNotGranted => "账户角色尚待安全管理员授权".into(),
            AppError::RateLimited(wait) => {
                format!("登录尝试过于频繁，请 {} 秒后再试", wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
            }
            AppError::Internal(_) => "服务器内部错误，请稍后重试".into(),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::Internal(err.into())
    }
}

impl<E> From<sea_orm::TransactionError<E>> for AppError
where
    E: Into<AppError> + std::error::Error,
{
    fn from(err: sea_orm::TransactionError<E>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(e) => e.into(),
            sea_orm::TransactionError::Transaction(e) => e.into(),
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        if let AppError::Internal(source) = &err {
            tracing::error!(error = ?source, "internal error");
        }
        let code = err.code();
        let field = match &err {
            AppError::BadInput { field, .. } => *field,
            AppError::FieldFrozen { field, .. } => Some(*field),
            _ => None,
        };
        async_graphql::Error::new(err.message()).extend_with(|_, ext| {
            ext.set("code", code);
            if let Some(field) = field {
                ext.set("field", field);
            }
        })
    }
}
