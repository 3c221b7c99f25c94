//! The workspace navigation, derived from `shared::permissions`.
//!
//! Each role sees the sections its capabilities allow, in the order its work
//! starts from; the first one is where it lands after login. A route whose
//! section is not in the user's navigation shows 无权访问.

use shared::organisations::OrgKind;
use shared::permissions::{Capability, allows};
use shared::roles::Role;

/// A section of the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavItem {
    Projects,
    Units,
    Overview,
    Users,
    Years,
    Inbox,
    Reviews,
    Panels,
    ExAnte,
    Library,
    Ledger,
    Statistics,
    Monitoring,
}

impl NavItem {
    /// The path of the section.
    pub fn href(self) -> &'static str {
        match self {
            NavItem::Projects => "/projects",
            NavItem::Units => "/units",
            NavItem::Overview => "/overview",
            NavItem::Users => "/users",
            NavItem::Years => "/years",
            NavItem::Inbox => "/inbox",
            NavItem::Reviews => "/reviews",
            NavItem::Panels => "/panels",
            NavItem::ExAnte => "/ex-ante",
            NavItem::Library => "/library",
            NavItem::Ledger => "/ledger",
            NavItem::Statistics => "/statistics",
            NavItem::Monitoring => "/monitoring",
        }
    }

    /// The element id of the navigation link (used by the browser test).
    pub fn element_id(self) -> &'static str {
        match self {
            NavItem::Projects => "nav-projects",
            NavItem::Units => "nav-units",
            NavItem::Overview => "nav-overview",
            NavItem::Users => "nav-users",
            NavItem::Years => "nav-years",
            NavItem::Inbox => "nav-inbox",
            NavItem::Reviews => "nav-reviews",
            NavItem::Panels => "nav-panels",
            NavItem::ExAnte => "nav-ex-ante",
            NavItem::Library => "nav-library",
            NavItem::Ledger => "nav-ledger",
            NavItem::Statistics => "nav-statistics",
            NavItem::Monitoring => "nav-monitoring",
        }
    }

    /// The link text for a role: units call their projects 我的项目.
    pub fn label(self, role: Role) -> &'static str {
        match self {
            NavItem::Projects if role.is_unit_role() => "我的项目",
            NavItem::Projects => "项目",
            NavItem::Units => "单位",
            NavItem::Overview => "县域总览",
            NavItem::Users => "用户",
            NavItem::Years => "预算年度",
            NavItem::Inbox => "我的待办",
            NavItem::Reviews => "目标审核",
            NavItem::Panels => "专家会审",
            NavItem::ExAnte => "事前绩效评估",
            NavItem::Library => "指标库",
            NavItem::Ledger => "结果应用台账",
            NavItem::Statistics => "统计",
            NavItem::Monitoring => "绩效监控",
        }
    }
}

/// The sections a role may use, in the order they are listed.
pub fn nav_items(role: Role, org_kind: OrgKind) -> Vec<NavItem> {
    let can = |cap| allows(role, org_kind, cap);
    // Each role's sections in its order, each kept only if the matrix allows it.
    let candidates: &[(NavItem, Capability)] = match role {
        // Units see their own assessments and ledger rows; the library to pick from.
        Role::Department | Role::Township => &[
            (NavItem::Projects, Capability::EditProjects),
            (NavItem::ExAnte, Capability::EditTargets),
            (NavItem::Monitoring, Capability::EditTargets),
            (NavItem::Ledger, Capability::EditTargets),
            (NavItem::Library, Capability::EditTargets),
        ],
        // Business sections review (初审); the 绩效股 also organises and reports.
        Role::FinanceSection => &[
            (NavItem::Units, Capability::ReadUnits),
            (NavItem::Projects, Capability::ReadProjects),
            (NavItem::Reviews, Capability::ReviewTargets),
            (NavItem::Panels, Capability::OrganiseReviews),
            (NavItem::ExAnte, Capability::OrganiseReviews),
            (NavItem::Monitoring, Capability::ReadProjects),
            (NavItem::Library, Capability::ReviewTargets),
            (NavItem::Ledger, Capability::ReadCountyOverview),
            (NavItem::Statistics, Capability::ReadCountyOverview),
            (NavItem::Overview, Capability::ReadCountyOverview),
        ],
        Role::Leadership => &[
            (NavItem::Overview, Capability::ReadCountyOverview),
            (NavItem::Projects, Capability::ReadProjects),
            (NavItem::ExAnte, Capability::ReadCountyOverview),
            (NavItem::Monitoring, Capability::ReadCountyOverview),
            (NavItem::Ledger, Capability::ReadCountyOverview),
            (NavItem::Statistics, Capability::ReadCountyOverview),
            (NavItem::Library, Capability::ReadProjects),
        ],
        Role::Admin => &[
            (NavItem::Users, Capability::Administer),
            (NavItem::Units, Capability::Administer),
            (NavItem::Years, Capability::Administer),
        ],
        Role::SecurityAdmin => &[(NavItem::Users, Capability::ManageSecurity)],
        Role::AuditAdmin => &[],
        // 我的待办: panel items (experts), commissioned assessments (firms).
        Role::Expert => {
            &[(NavItem::Inbox, Capability::GiveExpertOpinion), (NavItem::Library, Capability::GiveExpertOpinion)]
        }
        Role::Evaluator => {
            &[(NavItem::Inbox, Capability::SubmitFindings), (NavItem::Library, Capability::SubmitFindings)]
        }
    };
    candidates.iter().filter(|(_, cap)| can(*cap)).map(|(item, _)| *item).collect()
}
