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
        }
    }
}

/// The sections a role may use, in the order they are listed.
pub fn nav_items(role: Role, org_kind: OrgKind) -> Vec<NavItem> {
    let can = |cap| allows(role, org_kind, cap);
    // Each role's sections in its order, each kept only if the matrix allows it.
    let candidates: &[(NavItem, Capability)] = match role {
        Role::Department | Role::Township => &[(NavItem::Projects, Capability::EditProjects)],
        Role::FinanceSection => &[
            (NavItem::Units, Capability::ReadUnits),
            (NavItem::Projects, Capability::ReadProjects),
            (NavItem::Overview, Capability::ReadCountyOverview),
        ],
        Role::Leadership => {
            &[(NavItem::Overview, Capability::ReadCountyOverview), (NavItem::Projects, Capability::ReadProjects)]
        }
        Role::Admin => &[
            (NavItem::Users, Capability::Administer),
            (NavItem::Units, Capability::Administer),
            (NavItem::Years, Capability::Administer),
        ],
        // Review assignments come with a later stage; the inbox needs no capability.
        Role::Expert | Role::Evaluator => return vec![NavItem::Inbox],
    };
    candidates.iter().filter(|(_, cap)| can(*cap)).map(|(item, _)| *item).collect()
}
