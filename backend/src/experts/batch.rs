//! The look-ups a page of panels or panel items makes, one query per kind
//! for all of the page's keys (called by the loaders in `loader.rs`; scope
//! was checked on the rows that hold the keys).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::opinion;
use super::panel::{self, item, member};
use super::service::{Profile, profiles};
use crate::error::AppResult;
use crate::users::entity as user;

/// The members of `panels` as (panel id, profile), by expert id.
pub async fn members_of(db: &impl ConnectionTrait, panels: &[i64]) -> AppResult<Vec<(i64, Profile)>> {
    let seats = member::Entity::find().filter(member::Column::PanelId.is_in(panels.iter().copied())).all(db).await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(seats.iter().map(|m| m.expert_id)))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?;
    let profiles = profiles(db, users).await?;
    let mut out = Vec::with_capacity(seats.len());
    for p in &profiles {
        for seat in seats.iter().filter(|m| m.expert_id == p.user.id) {
            out.push((seat.panel_id, p.clone()));
        }
    }
    Ok(out)
}

/// The items of `panels`, by id.
pub async fn items_of(db: &impl ConnectionTrait, panels: &[i64]) -> AppResult<Vec<item::Model>> {
    Ok(item::Entity::find()
        .filter(item::Column::PanelId.is_in(panels.iter().copied()))
        .order_by_asc(item::Column::Id)
        .all(db)
        .await?)
}

/// Every opinion on `items`, by id (filter with `service::visible_opinions`).
pub async fn opinions_of(db: &impl ConnectionTrait, items: &[i64]) -> AppResult<Vec<opinion::Model>> {
    Ok(opinion::Entity::find()
        .filter(opinion::Column::PanelItemId.is_in(items.iter().copied()))
        .order_by_asc(opinion::Column::Id)
        .all(db)
        .await?)
}

/// The panel each of `assessments` was given to, as (assessment id, panel).
pub async fn panels_of_assessments(
    db: &impl ConnectionTrait,
    assessments: &[i64],
) -> AppResult<Vec<(i64, panel::Model)>> {
    let items = item::Entity::find()
        .filter(item::Column::AssessmentId.is_in(assessments.iter().copied()))
        .order_by_asc(item::Column::Id)
        .all(db)
        .await?;
    let panels =
        panel::Entity::find().filter(panel::Column::Id.is_in(items.iter().map(|i| i.panel_id))).all(db).await?;
    Ok(items
        .iter()
        .filter_map(|i| {
            let a = i.assessment_id?;
            panels.iter().find(|p| p.id == i.panel_id).map(|p| (a, p.clone()))
        })
        .collect())
}
