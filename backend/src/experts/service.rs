use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set, TransactionSession,
    TransactionTrait,
};
use shared::indicators::Field;
use shared::permissions::Capability;
use shared::roles::Role;

use super::opinion;
use super::panel::{self, item, member};
use super::profile::{conflict, field};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::ex_ante::entity as assessment;
use crate::organisations::entity as organisation;
use crate::pagination::{self, Page, PageRequest};
use crate::targets::entity as target;
use crate::users::entity as user;
use crate::viewer::Viewer;

/// Whether the expert sits on a panel reviewing this project's target or assessment.
pub async fn is_assigned_project(db: &impl ConnectionTrait, viewer: &Viewer, project_id: i64) -> AppResult<bool> {
    let target_id =
        target::Entity::find().filter(target::Column::ProjectId.eq(project_id)).one(db).await?.map(|t| t.id);
    let assessment_id =
        assessment::Entity::find().filter(assessment::Column::ProjectId.eq(project_id)).one(db).await?.map(|a| a.id);
    let panels: Vec<i64> = member::Entity::find()
        .select_only()
        .column(member::Column::PanelId)
        .filter(member::Column::ExpertId.eq(viewer.user_id))
        .into_tuple()
        .all(db)
        .await?;
    if panels.is_empty() {
        return Ok(false);
    }
    let mut any = sea_orm::Condition::any();
    if let Some(t) = target_id {
        any = any.add(item::Column::TargetId.eq(t));
    }
    if let Some(a) = assessment_id {
        any = any.add(item::Column::AssessmentId.eq(a));
    }
    if target_id.is_none() && assessment_id.is_none() {
        return Ok(false);
    }
    Ok(item::Entity::find().filter(item::Column::PanelId.is_in(panels)).filter(any).one(db).await?.is_some())
}

/// Whether a concluded target-review panel has reviewed this target.
pub async fn concluded_for_target(db: &impl ConnectionTrait, target_id: i64) -> AppResult<bool> {
    let panels: Vec<i64> = item::Entity::find()
        .select_only()
        .column(item::Column::PanelId)
        .filter(item::Column::TargetId.eq(target_id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(panel::Entity::find()
        .filter(panel::Column::Id.is_in(panels))
        .filter(panel::Column::ConcludedAt.is_not_null())
        .one(db)
        .await?
        .is_some())
}

/// An expert's fields and conflicts.
#[derive(Clone)]
pub struct Profile {
    pub user: user::Model,
    pub fields: Vec<Field>,
    pub conflicts: Vec<i64>,
}

pub(super) async fn profiles(db: &impl ConnectionTrait, users: Vec<user::Model>) -> AppResult<Vec<Profile>> {
    let ids: Vec<i64> = users.iter().map(|u| u.id).collect();
    let fields = field::Entity::find().filter(field::Column::ExpertId.is_in(ids.clone())).all(db).await?;
    let conflicts = conflict::Entity::find().filter(conflict::Column::ExpertId.is_in(ids)).all(db).await?;
    Ok(users
        .into_iter()
        .map(|u| Profile {
            fields: fields.iter().filter(|f| f.expert_id == u.id).filter_map(|f| Field::parse(&f.field)).collect(),
            conflicts: conflicts.iter().filter(|c| c.expert_id == u.id).map(|c| c.unit_id).collect(),
            user: u,
        })
        .collect())
}

fn require_organiser(viewer: &Viewer) -> AppResult<()> {
    if viewer.can(Capability::OrganiseReviews) || viewer.can(Capability::Administer) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

pub async fn list_experts(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    by_field: Option<Field>,
    page: PageRequest,
) -> AppResult<Page<Profile>> {
    require_organiser(viewer)?;
    let mut select = user::Entity::find().filter(user::Column::Role.eq(Role::Expert.as_str()));
    if let Some(f) = by_field {
        let ids: Vec<i64> = field::Entity::find()
            .select_only()
            .column(field::Column::ExpertId)
            .filter(field::Column::Field.eq(f.as_str()))
            .into_tuple()
            .all(db)
            .await?;
        select = select.filter(user::Column::Id.is_in(ids));
    }
    let page = pagination::fetch(db, select, user::Column::Id, page).await?;
    Ok(Page { rows: profiles(db, page.rows).await?, has_next: page.has_next, total: page.total })
}

pub async fn set_profile<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    user_id: i64,
    fields: Vec<Field>,
    conflict_units: Vec<i64>,
) -> AppResult<Profile> {
    require_organiser(viewer)?;
    if conflict_units.len() > 200 {
        return Err(AppError::bad_field("conflictUnitIds", "回避单位过多"));
    }
    crate::input::distinct("fields", &fields.iter().map(|f| f.as_str()).collect::<Vec<_>>())?;
    crate::input::distinct("conflictUnitIds", &conflict_units)?;
    let txn = crate::tx::begin(db).await?;
    let expert = user::Entity::find_by_id(user_id)
        .filter(user::Column::Role.eq(Role::Expert.as_str()))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("专家"))?;
    for unit in &conflict_units {
        let org = organisation::Entity::find_by_id(*unit).one(&txn).await?;
        if !org.and_then(|o| shared::organisations::OrgKind::parse(&o.kind)).is_some_and(|k| k.is_unit()) {
            return Err(AppError::bad_field("conflictUnitIds", "回避单位须为预算单位"));
        }
    }
    let before = profiles(&txn, vec![expert.clone()]).await?.pop();
    let mut fields = fields;
    fields.sort();
    let mut units = conflict_units;
    units.sort_unstable();
    if let Some(b) = &before {
        let (mut old_fields, mut old_units) = (b.fields.clone(), b.conflicts.clone());
        old_fields.sort();
        old_units.sort_unstable();
        if old_fields == fields && old_units == units {
            // Nothing changes: nothing is written, not even an audit entry.
            return Ok(Profile { user: expert, fields, conflicts: units });
        }
    }
    field::Entity::delete_many().filter(field::Column::ExpertId.eq(user_id)).exec(&txn).await?;
    conflict::Entity::delete_many().filter(conflict::Column::ExpertId.eq(user_id)).exec(&txn).await?;
    for f in &fields {
        field::ActiveModel { expert_id: Set(user_id), field: Set(f.as_str().into()), ..Default::default() }
            .insert(&txn)
            .await?;
    }
    for u in &units {
        conflict::ActiveModel { expert_id: Set(user_id), unit_id: Set(*u), ..Default::default() }.insert(&txn).await?;
    }
    let view = |fs: &[Field], us: &[i64]| serde_json::json!({ "fields": fs.iter().map(|f| f.as_str()).collect::<Vec<_>>(), "conflicts": us });
    let change = Change::new("expert.profile", "user", user_id)
        .before(&before.map(|p| view(&p.fields, &p.conflicts)))
        .after(&view(&fields, &units));
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    Ok(Profile { user: expert, fields, conflicts: units })
}

/// Panels of a year: all for the 绩效股, its own for an expert.
pub async fn panels(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year_id: i64,
    page: PageRequest,
) -> AppResult<Page<panel::Model>> {
    let mut select = panel::Entity::find().filter(panel::Column::YearId.eq(year_id));
    if viewer.role == Role::Expert {
        let mine: Vec<i64> = member::Entity::find()
            .select_only()
            .column(member::Column::PanelId)
            .filter(member::Column::ExpertId.eq(viewer.user_id))
            .into_tuple()
            .all(db)
            .await?;
        select = select.filter(panel::Column::Id.is_in(mine));
    } else {
        viewer.require(Capability::OrganiseReviews)?;
    }
    pagination::fetch(db, select, panel::Column::Id, page).await
}

/// The expert's 待办: items of its panels, newest panels first in id order.
pub async fn my_items(db: &impl ConnectionTrait, viewer: &Viewer, page: PageRequest) -> AppResult<Page<item::Model>> {
    viewer.require(Capability::GiveExpertOpinion)?;
    let mine: Vec<i64> = member::Entity::find()
        .select_only()
        .column(member::Column::PanelId)
        .filter(member::Column::ExpertId.eq(viewer.user_id))
        .into_tuple()
        .all(db)
        .await?;
    pagination::fetch(db, item::Entity::find().filter(item::Column::PanelId.is_in(mine)), item::Column::Id, page).await
}

/// The opinions on an item the viewer may read: all for the 绩效股, only its
/// own for an expert.
pub fn visible_opinions(viewer: &Viewer, all: Vec<opinion::Model>) -> Vec<opinion::Model> {
    if viewer.can(Capability::OrganiseReviews) {
        return all;
    }
    all.into_iter().filter(|o| o.expert_id == viewer.user_id).collect()
}
