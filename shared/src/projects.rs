//! Projects and policies (项目/政策) and their save-time checks.

use rust_decimal::Decimal;

use crate::domain_enum;
use crate::money::{MoneyError, check_yuan};

domain_enum! {
    /// 项目支出 / 部门整体支出 / 政策.
    ProjectKind {
        Project => ("project", "项目支出"),
        UnitOverall => ("unit_overall", "部门整体支出"),
        Policy => ("policy", "政策"),
    }
}

domain_enum! {
    /// The four budgets (四本预算).
    BudgetType {
        GeneralPublic => ("general_public", "一般公共预算"),
        GovernmentFund => ("government_fund", "政府性基金预算"),
        StateCapital => ("state_capital", "国有资本经营预算"),
        SocialInsurance => ("social_insurance", "社会保险基金预算"),
    }
}

pub const CODE_MAX: usize = 40;
pub const NAME_MAX: usize = 100;

/// The fields of a project a user edits, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProjectFields {
    pub code: String,
    pub name: String,
    pub requested: Option<Decimal>,
}

/// Which field is wrong and why, for inline messages in the form and the
/// `field` extension of API errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    #[error("项目编码须为 1–40 位字母、数字、短横线或下划线")]
    Code,
    #[error("项目名称须有可见字符、不含控制字符且不超过 100 个字符")]
    Name,
    #[error("申报金额：{0}")]
    Requested(MoneyError),
    #[error("请填写申报金额")]
    RequestedMissing,
}

impl ProjectError {
    /// The input field the error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            ProjectError::Code => "code",
            ProjectError::Name => "name",
            ProjectError::Requested(_) | ProjectError::RequestedMissing => "requestedAmount",
        }
    }
}

/// Runs every save-time check; returns all failures so a form can show each
/// next to its field.
pub fn validate_project(fields: &ProjectFields) -> Vec<ProjectError> {
    let mut errors = Vec::new();
    let code = fields.code.trim();
    let code_ok = !code.is_empty()
        && code.chars().count() <= CODE_MAX
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !code_ok {
        errors.push(ProjectError::Code);
    }
    if crate::text::check_name(&fields.name, NAME_MAX).is_err() {
        errors.push(ProjectError::Name);
    }
    match fields.requested.map(check_yuan) {
        None => errors.push(ProjectError::RequestedMissing),
        Some(Err(e)) => errors.push(ProjectError::Requested(e)),
        Some(Ok(_)) => {}
    }
    errors
}

/// Checks the fields as typed in a form: amounts are still text. An empty
/// amount is "not given"; text that does not parse is reported against its
/// field with the parse error (not as missing). Used for inline validation.
/// (The approved amount is never typed: approval sets it, see `ex_ante`.)
pub fn validate_project_text(code: &str, name: &str, requested: &str) -> Vec<ProjectError> {
    let requested = if requested.trim().is_empty() { Ok(None) } else { crate::money::parse_yuan(requested).map(Some) };
    let mut errors = validate_project(&ProjectFields {
        code: code.to_owned(),
        name: name.to_owned(),
        requested: requested.clone().ok().flatten(),
    });
    if let Err(e) = requested {
        errors.retain(|err| err.field() != "requestedAmount");
        errors.push(ProjectError::Requested(e));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(code: &str, name: &str, requested: Option<&str>) -> ProjectFields {
        ProjectFields { code: code.into(), name: name.into(), requested: requested.map(|s| s.parse().unwrap()) }
    }

    #[test]
    fn a_complete_project_passes() {
        assert!(validate_project(&fields("XM-2026-001", "义务教育学生营养改善计划", Some("1200000.00"))).is_empty());
    }

    #[test]
    fn each_bad_field_is_reported_against_that_field() {
        let errs = validate_project(&fields("", " ", None));
        assert_eq!(errs, vec![ProjectError::Code, ProjectError::Name, ProjectError::RequestedMissing]);
        for name in ["学校\0", "\u{3000}\u{200B}", "第一行\n第二行"] {
            assert_eq!(validate_project(&fields("A1", name, Some("1"))), vec![ProjectError::Name], "{name:?}");
        }
        let errs = validate_project(&fields("a b", "x", Some("-1")));
        let fields_hit: Vec<_> = errs.iter().map(ProjectError::field).collect();
        assert_eq!(fields_hit, vec!["code", "requestedAmount"]);
        let errs = validate_project(&fields(&"A".repeat(41), &"名".repeat(101), Some("10000000000000")));
        assert_eq!(errs, vec![ProjectError::Code, ProjectError::Name, ProjectError::Requested(MoneyError::TooLarge)]);
    }

    #[test]
    fn typed_amounts_are_reported_against_their_field() {
        assert!(validate_project_text("A1", "项目", "1,200.5").is_empty());
        assert_eq!(validate_project_text("A1", "项目", ""), vec![ProjectError::RequestedMissing]);
        assert_eq!(validate_project_text("A1", "项目", "12a"), vec![ProjectError::Requested(MoneyError::Malformed)]);
    }
}
