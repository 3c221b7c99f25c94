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
    /// Draft, save and submit the targets of the unit's projects (单位自审).
    EditTargets,
    /// Take part in the review chain of targets (初审, 复审, 批复).
    ReviewTargets,
    /// The 绩效股's organising work: expert panels, ex-ante assessments,
    /// expert profiles.
    OrganiseReviews,
    /// Record an expert opinion on an assigned item.
    GiveExpertOpinion,
    /// Upload a commissioned firm's findings.
    SubmitFindings,
    /// Propose a characteristic indicator (特性指标) for the library.
    ProposeIndicators,
    /// Keep the indicator library: create, import, accept or refuse proposals (入库).
    ManageLibrary,
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
        Role::Department | Role::Township => {
            matches!(cap, ReadProjects | EditProjects | ReadUnits | EditTargets | ProposeIndicators)
        }
        Role::FinanceSection => match cap {
            ReadProjects | EditProjects | SetApprovedAmount | ReadUnits | ReviewTargets => true,
            ReadCountyOverview | OrganiseReviews | ManageLibrary => org_kind == OrgKind::PerformanceSection,
            Administer | EditTargets | GiveExpertOpinion | SubmitFindings | ProposeIndicators => false,
        },
        Role::Leadership => matches!(cap, ReadProjects | ReadUnits | ReadCountyOverview),
        Role::Admin => matches!(cap, Administer | ReadUnits),
        Role::Expert => cap == GiveExpertOpinion,
        Role::Evaluator => cap == SubmitFindings,
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
    fn the_review_chain_is_split_between_units_sections_and_the_performance_section() {
        assert!(allows(Role::Department, OrgKind::Department, Capability::EditTargets));
        assert!(!allows(Role::Department, OrgKind::Department, Capability::ReviewTargets));
        assert!(allows(Role::FinanceSection, OrgKind::BusinessSection, Capability::ReviewTargets));
        assert!(!allows(Role::FinanceSection, OrgKind::BusinessSection, Capability::OrganiseReviews));
        assert!(allows(Role::FinanceSection, OrgKind::PerformanceSection, Capability::OrganiseReviews));
        assert!(!allows(Role::Leadership, OrgKind::Leadership, Capability::ReviewTargets));
        assert!(allows(Role::Expert, OrgKind::ExpertPool, Capability::GiveExpertOpinion));
        assert!(allows(Role::Evaluator, OrgKind::EvaluationFirm, Capability::SubmitFindings));
        assert!(!allows(Role::Evaluator, OrgKind::EvaluationFirm, Capability::GiveExpertOpinion));
    }

    #[test]
    fn units_propose_indicators_and_only_the_performance_section_keeps_the_library() {
        assert!(allows(Role::Department, OrgKind::Department, Capability::ProposeIndicators));
        assert!(allows(Role::Township, OrgKind::Township, Capability::ProposeIndicators));
        assert!(!allows(Role::Department, OrgKind::Department, Capability::ManageLibrary));
        assert!(allows(Role::FinanceSection, OrgKind::PerformanceSection, Capability::ManageLibrary));
        assert!(!allows(Role::FinanceSection, OrgKind::BusinessSection, Capability::ManageLibrary));
        assert!(!allows(Role::FinanceSection, OrgKind::PerformanceSection, Capability::ProposeIndicators));
        for role in [Role::Leadership, Role::Admin, Role::Expert, Role::Evaluator] {
            assert!(!allows(role, OrgKind::PerformanceSection, Capability::ManageLibrary), "{role:?}");
            assert!(!allows(role, OrgKind::PerformanceSection, Capability::ProposeIndicators), "{role:?}");
        }
    }

    #[test]
    fn experts_and_firms_see_no_unit_data_yet() {
        assert_eq!(unit_scope(Role::Expert, OrgKind::ExpertPool), Scope::Nothing);
        assert!(!allows(Role::Evaluator, OrgKind::EvaluationFirm, Capability::ReadProjects));
    }
}
