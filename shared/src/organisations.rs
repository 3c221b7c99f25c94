//! Organisations: budget units, finance-bureau sections, firms, the expert pool
//! and the county leadership (RULES.md §1–2).

use crate::domain_enum;
use crate::roles::Role;

domain_enum! {
    /// The kind of an organisation. Units are `Department` and `Township`.
    OrgKind {
        Department => ("department", "部门"),
        Township => ("township", "乡镇（街道办）"),
        BusinessSection => ("business_section", "业务股室"),
        PerformanceSection => ("performance_section", "绩效股"),
        EvaluationFirm => ("evaluation_firm", "第三方评价机构"),
        ExpertPool => ("expert_pool", "专家库"),
        Leadership => ("leadership", "县领导"),
    }
}

impl OrgKind {
    /// Budget units (预算单位): the organisations that own projects.
    pub fn is_unit(self) -> bool {
        matches!(self, OrgKind::Department | OrgKind::Township)
    }

    /// Finance-bureau sections (财政局股室).
    pub fn is_finance_section(self) -> bool {
        matches!(self, OrgKind::BusinessSection | OrgKind::PerformanceSection)
    }

    /// Whether a user of `role` may belong to an organisation of this kind.
    pub fn admits(self, role: Role) -> bool {
        match role {
            Role::Department => self == OrgKind::Department,
            Role::Township => self == OrgKind::Township,
            Role::FinanceSection => self.is_finance_section(),
            Role::Expert => self == OrgKind::ExpertPool,
            Role::Evaluator => self == OrgKind::EvaluationFirm,
            Role::Leadership => self == OrgKind::Leadership,
            // The administrators sit in the finance bureau.
            Role::Admin | Role::SecurityAdmin | Role::AuditAdmin => self.is_finance_section(),
        }
    }
}

/// Why an organisation's fields are invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrgError {
    #[error("单位编码须为 1–32 位字母、数字或短横线")]
    BadCode,
    #[error("名称须有可见字符、不含控制字符且不超过 100 个字符")]
    BadName,
    #[error("只有预算单位可以设置主管部门和归口业务股室")]
    NotAUnit,
}

/// Checks an organisation's own fields (relations are checked against the database).
pub fn validate_org(kind: OrgKind, code: &str, name: &str, has_relations: bool) -> Result<(), OrgError> {
    let code_ok =
        !code.is_empty() && code.chars().count() <= 32 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !code_ok {
        return Err(OrgError::BadCode);
    }
    if crate::text::check_name(name, crate::text::NAME_MAX).is_err() {
        return Err(OrgError::BadName);
    }
    if has_relations && !kind.is_unit() {
        return Err(OrgError::NotAUnit);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_belong_only_to_matching_organisations() {
        assert!(OrgKind::Department.admits(Role::Department));
        assert!(!OrgKind::Township.admits(Role::Department));
        assert!(OrgKind::BusinessSection.admits(Role::FinanceSection));
        assert!(OrgKind::PerformanceSection.admits(Role::FinanceSection));
        assert!(!OrgKind::Department.admits(Role::FinanceSection));
        assert!(OrgKind::ExpertPool.admits(Role::Expert));
        assert!(OrgKind::EvaluationFirm.admits(Role::Evaluator));
        assert!(!OrgKind::EvaluationFirm.admits(Role::Expert));
        assert!(OrgKind::Leadership.admits(Role::Leadership));
        assert!(OrgKind::PerformanceSection.admits(Role::Admin));
        assert!(!OrgKind::Leadership.admits(Role::Admin));
    }

    #[test]
    fn organisation_fields_are_checked() {
        assert_eq!(validate_org(OrgKind::Department, "D-001", "县教育局", true), Ok(()));
        assert_eq!(validate_org(OrgKind::Department, "", "县教育局", false), Err(OrgError::BadCode));
        assert_eq!(validate_org(OrgKind::Department, "D 1", "县教育局", false), Err(OrgError::BadCode));
        assert_eq!(validate_org(OrgKind::Department, "D1", "  ", false), Err(OrgError::BadName));
        assert_eq!(validate_org(OrgKind::Department, "D1", "县\0教育局", false), Err(OrgError::BadName));
        assert_eq!(validate_org(OrgKind::Department, "D1", "\u{200B}\u{3000}", false), Err(OrgError::BadName));
        assert_eq!(validate_org(OrgKind::ExpertPool, "E1", "专家库", true), Err(OrgError::NotAUnit));
        let long: String = "局".repeat(101);
        assert_eq!(validate_org(OrgKind::Department, "D1", &long, false), Err(OrgError::BadName));
    }
}
