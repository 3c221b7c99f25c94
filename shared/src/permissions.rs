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
    /// List and read budget units (within row scope).
    ReadUnits,
    /// The county-wide overview of projects and amounts.
    ReadCountyOverview,
    /// 系统管理员: create users' accounts and change their names and status
    /// (never a role or a password), organisations, fiscal years, rule settings.
    Administer,
    /// 安全管理员: grant a role (or change a user's role or organisation),
    /// unlock accounts, reset passwords (to a one-time password).
    ManageSecurity,
    /// 审计管理员: search and export the audit log.
    ReadAuditLog,
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
            ReadProjects | EditProjects | ReadUnits | ReviewTargets => true,
            ReadCountyOverview | OrganiseReviews | ManageLibrary => org_kind == OrgKind::PerformanceSection,
            Administer | ManageSecurity | ReadAuditLog | EditTargets | GiveExpertOpinion | SubmitFindings
            | ProposeIndicators => false,
        },
        Role::Leadership => matches!(cap, ReadProjects | ReadUnits | ReadCountyOverview),
        Role::Admin => matches!(cap, Administer | ReadUnits),
        // The directory of units is read by the security administrator too:
        // a role is granted together with the organisation it acts for.
        Role::SecurityAdmin => matches!(cap, ManageSecurity | ReadUnits),
        Role::AuditAdmin => cap == ReadAuditLog,
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
        Role::Leadership | Role::Admin | Role::SecurityAdmin => Scope::County,
        Role::Expert | Role::Evaluator | Role::AuditAdmin => Scope::Nothing,
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

    /// Every capability, for exhaustive checks.
    const ALL_CAPS: [Capability; 14] = {
        use Capability::*;
        [
            ReadProjects,
            EditProjects,
            ReadUnits,
            ReadCountyOverview,
            Administer,
            ManageSecurity,
            ReadAuditLog,
            EditTargets,
            ReviewTargets,
            OrganiseReviews,
            GiveExpertOpinion,
            SubmitFindings,
            ProposeIndicators,
            ManageLibrary,
        ]
    };

    #[test]
    fn the_three_administrators_hold_disjoint_acts_and_no_business_data() {
        let k = OrgKind::PerformanceSection;
        let holders = |cap| Role::ALL.iter().copied().filter(|r| allows(*r, k, cap)).collect::<Vec<_>>();
        assert_eq!(holders(Capability::Administer), [Role::Admin]);
        assert_eq!(holders(Capability::ManageSecurity), [Role::SecurityAdmin]);
        assert_eq!(holders(Capability::ReadAuditLog), [Role::AuditAdmin]);
        let business =
            [Capability::ReadUnits, Capability::Administer, Capability::ManageSecurity, Capability::ReadAuditLog];
        for role in [Role::Admin, Role::SecurityAdmin, Role::AuditAdmin] {
            for cap in ALL_CAPS.iter().filter(|c| !business.contains(c)) {
                assert!(!allows(role, k, *cap), "{role:?} must not hold {cap:?}");
            }
        }
        let auditor: Vec<_> = ALL_CAPS.iter().filter(|c| allows(Role::AuditAdmin, k, **c)).collect();
        assert_eq!(auditor, [&Capability::ReadAuditLog], "the auditor reads the audit log and nothing else");
        assert_eq!(unit_scope(Role::AuditAdmin, k), Scope::Nothing);
    }

    #[test]
    fn no_business_role_administers() {
        for role in Role::ALL.iter().filter(|r| !r.is_administrator()) {
            for kind in OrgKind::ALL {
                for cap in [Capability::Administer, Capability::ManageSecurity, Capability::ReadAuditLog] {
                    assert!(!allows(*role, *kind, cap), "{role:?} in {kind:?} holds {cap:?}");
                }
            }
        }
    }

    #[test]
    fn sections_differ_by_kind() {
        assert_eq!(unit_scope(Role::FinanceSection, OrgKind::BusinessSection), Scope::AssignedUnits);
        assert_eq!(unit_scope(Role::FinanceSection, OrgKind::PerformanceSection), Scope::County);
        assert!(!allows(Role::FinanceSection, OrgKind::BusinessSection, Capability::ReadCountyOverview));
        assert!(allows(Role::FinanceSection, OrgKind::PerformanceSection, Capability::ReadCountyOverview));
    }

    #[test]
    fn units_edit_their_own_projects_but_review_none() {
        for role in [Role::Department, Role::Township] {
            let k = if role == Role::Department { OrgKind::Department } else { OrgKind::Township };
            assert!(allows(role, k, Capability::EditProjects));
            assert!(!allows(role, k, Capability::ReviewTargets));
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
        for role in
            [Role::Leadership, Role::Admin, Role::SecurityAdmin, Role::AuditAdmin, Role::Expert, Role::Evaluator]
        {
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
