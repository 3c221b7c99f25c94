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
    pub approved: Option<Decimal>,
}

/// Which field is wrong and why, for inline messages in the form and the
/// `field` extension of API errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    #[error("项目编码须为 1–40 位字母、数字、短横线或下划线")]
    Code,
    #[error("项目名称不能为空且不超过 100 个字符")]
    Name,
    #[error("申报金额：{0}")]
    Requested(MoneyError),
    #[error("请填写申报金额")]
    RequestedMissing,
    #[error("批复金额：{0}")]
    Approved(MoneyError),
    #[error("批复金额不能超过申报金额")]
    ApprovedAboveRequested,
}

impl ProjectError {
    /// The input field the error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            ProjectError::Code => "code",
            ProjectError::Name => "name",
            ProjectError::Requested(_) | ProjectError::RequestedMissing => "requestedAmount",
            ProjectError::Approved(_) | ProjectError::ApprovedAboveRequested => "approvedAmount",
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
    let name = fields.name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        errors.push(ProjectError::Name);
    }
    let requested = match fields.requested {
        None => {
            errors.push(ProjectError::RequestedMissing);
            None
        }
        Some(v) => match check_yuan(v) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push(ProjectError::Requested(e));
                None
            }
        },
    };
    if let Some(approved) = fields.approved {
        match check_yuan(approved) {
            Err(e) => errors.push(ProjectError::Approved(e)),
            Ok(a) => {
                if requested.is_some_and(|r| a > r) {
                    errors.push(ProjectError::ApprovedAboveRequested);
                }
            }
        }
    }
    errors
}

/// Checks the fields as typed in a form: amounts are still text. An empty
/// amount is "not given"; text that does not parse is reported against its
/// field with the parse error (not as missing). Used for inline validation.
pub fn validate_project_text(code: &str, name: &str, requested: &str, approved: &str) -> Vec<ProjectError> {
    let parse = |text: &str| if text.trim().is_empty() { Ok(None) } else { crate::money::parse_yuan(text).map(Some) };
    let requested = parse(requested);
    let approved = parse(approved);
    let mut errors = validate_project(&ProjectFields {
        code: code.to_owned(),
        name: name.to_owned(),
        requested: requested.clone().ok().flatten(),
        approved: approved.clone().ok().flatten(),
    });
    if let Err(e) = requested {
        errors.retain(|err| err.field() != "requestedAmount");
        errors.push(ProjectError::Requested(e));
    }
    if let Err(e) = approved {
        errors.retain(|err| err.field() != "approvedAmount");
        errors.push(ProjectError::Approved(e));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(code: &str, name: &str, requested: Option<&str>, approved: Option<&str>) -> ProjectFields {
        ProjectFields {
            code: code.into(),
            name: name.into(),
            requested: requested.map(|s| s.parse().unwrap()),
            approved: approved.map(|s| s.parse().unwrap()),
        }
    }

    #[test]
    fn a_complete_project_passes() {
        assert!(
            validate_project(&fields("XM-2026-001", "义务教育学生营养改善计划", Some("1200000.00"), Some("1000000")))
                .is_empty()
        );
    }

    #[test]
    fn each_bad_field_is_reported_against_that_field() {
        let errs = validate_project(&fields("", " ", None, None));
        assert_eq!(errs, vec![ProjectError::Code, ProjectError::Name, ProjectError::RequestedMissing]);
        let errs = validate_project(&fields("a b", "x", Some("-1"), Some("0.001")));
        let fields_hit: Vec<_> = errs.iter().map(ProjectError::field).collect();
        assert_eq!(fields_hit, vec!["code", "requestedAmount", "approvedAmount"]);
        let errs = validate_project(&fields("A1", "x", Some("100"), Some("100.01")));
        assert_eq!(errs, vec![ProjectError::ApprovedAboveRequested]);
        let errs = validate_project(&fields(&"A".repeat(41), &"名".repeat(101), Some("10000000000000"), None));
        assert_eq!(errs, vec![ProjectError::Code, ProjectError::Name, ProjectError::Requested(MoneyError::TooLarge)]);
    }

    #[test]
    fn typed_amounts_are_reported_against_their_field() {
        assert!(validate_project_text("A1", "项目", "1,200.5", "").is_empty());
        assert_eq!(validate_project_text("A1", "项目", "", ""), vec![ProjectError::RequestedMissing]);
        assert_eq!(
            validate_project_text("A1", "项目", "12a", "-1"),
            vec![ProjectError::Requested(MoneyError::Malformed), ProjectError::Approved(MoneyError::Negative)]
        );
        assert_eq!(validate_project_text("A1", "项目", "100", "100.01"), vec![ProjectError::ApprovedAboveRequested]);
    }
}
