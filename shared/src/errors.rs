//! The stable error codes of the API (`extensions.code`): the backend's
//! `AppError` answers with them and the frontend matches on them, so a code
//! is spelled in one place.

pub const UNAUTHENTICATED: &str = "UNAUTHENTICATED";
pub const FORBIDDEN: &str = "FORBIDDEN";
pub const NOT_FOUND: &str = "NOT_FOUND";
pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
pub const CONFLICT: &str = "CONFLICT";
/// The field decides a rule that has already been applied (the ex-ante
/// gate) and can no longer be edited; `extensions.field` names it.
pub const FIELD_FROZEN: &str = "FIELD_FROZEN";
pub const ACCOUNT_LOCKED: &str = "ACCOUNT_LOCKED";
pub const YEAR_CLOSED: &str = "YEAR_CLOSED";
/// The caller logged in with a one-time password: change it first.
pub const PASSWORD_CHANGE_REQUIRED: &str = "PASSWORD_CHANGE_REQUIRED";
/// The caller's role waits for the 安全管理员's grant.
pub const ROLE_NOT_GRANTED: &str = "ROLE_NOT_GRANTED";
/// The request asks for too much at once (`extensions.limit` names the limit).
pub const QUERY_LIMIT: &str = "QUERY_LIMIT";
/// The request ran past its time budget.
pub const TIMEOUT: &str = "TIMEOUT";
/// Too many login attempts from one address or for one username.
pub const RATE_LIMITED: &str = "RATE_LIMITED";
/// `/graphql` was sent something other than JSON (HTTP 415).
pub const UNSUPPORTED_MEDIA_TYPE: &str = "UNSUPPORTED_MEDIA_TYPE";
/// The request body is over the limit (HTTP 413).
pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";
pub const INTERNAL: &str = "INTERNAL";

/// Every code, for checks that no other code is ever sent.
pub const ALL: &[&str] = &[
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    BAD_USER_INPUT,
    CONFLICT,
    FIELD_FROZEN,
    ACCOUNT_LOCKED,
    YEAR_CLOSED,
    PASSWORD_CHANGE_REQUIRED,
    ROLE_NOT_GRANTED,
    QUERY_LIMIT,
    TIMEOUT,
    RATE_LIMITED,
    UNSUPPORTED_MEDIA_TYPE,
    PAYLOAD_TOO_LARGE,
    INTERNAL,
];

#[cfg(test)]
mod tests {
    use super::ALL;

    #[test]
    fn codes_are_distinct_and_screaming_snake_case() {
        for (i, code) in ALL.iter().enumerate() {
            assert!(code.chars().all(|c| c.is_ascii_uppercase() || c == '_'), "{code}");
            assert!(!ALL[..i].contains(code), "{code} twice");
        }
    }
}
