//! Row scope: the one place that decides which budget units' rows a viewer
//! reaches. Every query and mutation on unit data filters through here.

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition};
use shared::permissions::Scope;

use crate::organisations::entity as organisation;
use crate::viewer::Viewer;

/// A condition on `unit_col` (a column holding a unit's id) that keeps only
/// the units the viewer may see.
pub fn units_condition(viewer: &Viewer, unit_col: impl ColumnTrait) -> Condition {
    match viewer.unit_scope() {
        Scope::County => Condition::all(),
        Scope::Nothing => Condition::all().add(Expr::val(1).eq(0)),
        Scope::OwnUnit => Condition::any().add(unit_col.eq(viewer.org_id)).add(
            unit_col.in_subquery(
                Query::select()
                    .column(organisation::Column::Id)
                    .from(organisation::Entity)
                    .and_where(organisation::Column::ParentId.eq(viewer.org_id))
                    .to_owned(),
            ),
        ),
        Scope::AssignedUnits => Condition::all().add(
            unit_col.in_subquery(
                Query::select()
                    .column(organisation::Column::Id)
                    .from(organisation::Entity)
                    .and_where(organisation::Column::SectionId.eq(viewer.org_id))
                    .to_owned(),
            ),
        ),
    }
}
