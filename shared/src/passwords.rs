//! Password policy: at least 8 characters from at least three of the four
//! classes (lower case, upper case, digits, symbols).

/// Why a password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("密码长度至少 8 位")]
    TooShort,
    #[error("密码长度不能超过 128 位")]
    TooLong,
    #[error("密码须包含大写字母、小写字母、数字、符号中的至少三类")]
    TooSimple,
}

pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 128;

/// Checks a new password against the policy.
pub fn check_password(password: &str) -> Result<(), PasswordError> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordError::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordError::TooLong);
    }
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if classes.iter().filter(|x| **x).count() < 3 {
        return Err(PasswordError::TooSimple);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_requires_length_and_mixed_classes() {
        assert_eq!(check_password("Ab1!"), Err(PasswordError::TooShort));
        assert_eq!(check_password("abcdefgh"), Err(PasswordError::TooSimple));
        assert_eq!(check_password("abcdefg1"), Err(PasswordError::TooSimple));
        assert_eq!(check_password("Abcdefg1"), Ok(()));
        assert_eq!(check_password("abcdef1!"), Ok(()));
        assert_eq!(check_password(&"Aa1".repeat(50)), Err(PasswordError::TooLong));
    }
}
