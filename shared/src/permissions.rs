//! Who may do what (RULES.md §1), as one pure table.
//!
//! The backend enforces these in its guards and row-scope helpers; the
//! frontend uses the same table only to decide what to show.

use crate::organisations::OrgKind;
use crate::roles::Role;

/// An operation class the authorisation matrix is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// List and read projects (within row scope).
    ReadProjects,
    /// Create, edit and delete projects of units in scope.
    EditProjects,
    /// Set a project's approved amount (批复金额).
    SetApprovedAmount,
    /// List and read budget units (within row scope).
    ReadUnits,
    /// The county-wide overview of projects and amounts.
    ReadCountyOverview,
    /// Create and change users, organisations and fiscal years.
    Administer,
}

/// How far an organisation's data reaches for a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Nothing (the role has no access to unit data).
    Nothing,
    /// The user's own unit and the sub-units it manages.
    OwnUnit,
    /// The units assigned to the user's business section (归口单位).
    AssignedUnits,
    /// The whole county.
    County,
}

/// Whether `role` (in an organisation of `org_kind`) has a capability at all.
/// Row scope then narrows which rows it applies to.
pub fn allows(role: Role, org_kind: OrgKind, cap: Capability) -> bool {
    use Capability::*;
    match role {
        Role::Department | Role::Township => matches!(cap, ReadProjects | EditProjects | ReadUnits),
        Role::FinanceSection => match cap {
            ReadProjects | EditProjects | SetApprovedAmount | ReadUnits => true,
            ReadCountyOverview => org_kind == OrgKind::PerformanceSection,
            Administer => false,
        },
        Role::Leadership => matches!(cap, ReadProjects | ReadUnits | ReadCountyOverview),
        Role::Admin => matches!(cap, Administer | ReadUnits),
        Role::Expert | Role::Evaluator => false,
    }
}

/// The row scope of unit data (projects, units) for a user.
pub fn unit_scope(role: Role, org_kind: OrgKind) -> Scope {
    match role {
        Role::Department | Role::Township => Scope::OwnUnit,
        Role::FinanceSection if org_kind == OrgKind::PerformanceSection => Scope::County,
        Role::FinanceSection => Scope::AssignedUnits,
        Role::Leadership | Role::Admin => Scope::County,
        Role::Expert | Role::Evaluator => Scope::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leadership_reads_the_county_and_writes_nothing() {
        let k = OrgKind::Leadership;
        assert!(allows(Role::Leadership, k, Capability::ReadCountyOverview));
        assert!(allows(Role::Leadership, k, Capability::ReadProjects));
        assert!(!allows(Role::Leadership, k, Capability::EditProjects));
        assert!(!allows(Role::Leadership, k, Capability::Administer));
        assert_eq!(unit_scope(Role::Leadership, k), Scope::County);
    }

    #[test]
    fn admin_administers_but_reads_no_business_data() {
        let k = OrgKind::PerformanceSection;
        assert!(allows(Role::Admin, k, Capability::Administer));
        assert!(!allows(Role::Admin, k, Capability::ReadProjects));
        assert!(!allows(Role::Admin, k, Capability::EditProjects));
    }

    #[test]
    fn sections_differ_by_kind() {
        assert_eq!(unit_scope(Role::FinanceSection, OrgKind::BusinessSection), Scope::AssignedUnits);
        assert_eq!(unit_scope(Role::FinanceSection, OrgKind::PerformanceSection), Scope::County);
        assert!(!allows(Role::FinanceSection, OrgKind::BusinessSection, Capability::ReadCountyOverview));
        assert!(allows(Role::FinanceSection, OrgKind::PerformanceSection, Capability::ReadCountyOverview));
    }

    #[test]
    fn units_edit_their_own_projects_but_not_approved_amounts() {
        for role in [Role::Department, Role::Township] {
            let k = if role == Role::Department { OrgKind::Department } else { OrgKind::Township };
            assert!(allows(role, k, Capability::EditProjects));
            assert!(!allows(role, k, Capability::SetApprovedAmount));
            assert_eq!(unit_scope(role, k), Scope::OwnUnit);
        }
    }

    #[test]
    fn experts_and_firms_see_no_unit_data_yet() {
        assert_eq!(unit_scope(Role::Expert, OrgKind::ExpertPool), Scope::Nothing);
        assert!(!allows(Role::Evaluator, OrgKind::EvaluationFirm, Capability::ReadProjects));
    }
}
