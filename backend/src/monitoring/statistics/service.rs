//! Statistics of a round and of a year: units monitored by kind, late units,
//! projects by light, decisions by kind with counts and amounts.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate, NaiveTime, TimeZone, Utc};
use rust_decimal::Decimal;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect, RelationTrait,
};
use shared::money::from_fen;
use shared::monitoring::{DecisionKind, Light};
use shared::organisations::OrgKind;
use shared::permissions::Capability;

use crate::error::AppResult;
use crate::monitoring::decisions::entity as decision;
use crate::monitoring::reports::entity as report;
use crate::monitoring::rounds::service::{self as rounds, is_late};
use crate::monitoring::rounds::{entity as round, unit as round_unit};
use crate::organisations::entity as organisation;
use crate::scope;
use crate::viewer::Viewer;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    /// (unit kind, units monitored, units submitted, units late)
    pub units: Vec<(OrgKind, i64, i64, i64)>,
    /// Names of the late units.
    pub late_units: Vec<String>,
    pub by_light: Vec<(Light, i64)>,
    /// (kind, projects, amount)
    pub decisions: Vec<(DecisionKind, i64, Decimal)>,
}

/// A round's figures (绩效股, leadership), if the viewer may see the round.
pub async fn of_round(db: &impl ConnectionTrait, viewer: &Viewer, round_id: i64) -> AppResult<Figures> {
    let r = rounds::get(db, viewer, round_id).await?;
    figures(db, viewer, &[r]).await
}

/// A year's figures over all its rounds the viewer may see.
pub async fn of_year(db: &impl ConnectionTrait, viewer: &Viewer, year_id: i64) -> AppResult<Figures> {
    let all = rounds::list(db, viewer, year_id).await?;
    figures(db, viewer, &all).await
}

/// Figures of one round, or of every round of a year (units counted once).
async fn figures(db: &impl ConnectionTrait, viewer: &Viewer, rounds: &[round::Model]) -> AppResult<Figures> {
    viewer.require(Capability::ReadCountyOverview)?;
    let ids: Vec<i64> = rounds.iter().map(|r| r.id).collect();
    let mut figures = match rounds {
        [one] => unit_figures_of_round(db, one).await?,
        _ => unit_figures_of_rounds(db, rounds).await?,
    };
    figures.by_light = match rounds {
        [one] => lights_of_round(db, one.id).await?,
        _ => latest_lights(db, rounds).await?,
    };
    decisions(db, &ids, &mut figures).await?;
    Ok(figures)
}

/// One round's unit figures, counted by the database.
async fn unit_figures_of_round(db: &impl ConnectionTrait, r: &round::Model) -> AppResult<Figures> {
    let today = Utc::now().date_naive();
    let due = NaiveDate::parse_from_str(&r.due_date, "%Y-%m-%d").unwrap_or(today);
    // Submitted after the due date: on or after the next day (UTC, as `is_late`).
    let cut = Utc.from_utc_datetime(&(due + Days::new(1)).and_time(NaiveTime::MIN));
    let overdue = today > due;
    let late_submitted = Expr::expr(Func::coalesce([
        Expr::expr(Func::sum(
            Expr::case(Expr::col((round_unit::Entity, round_unit::Column::SubmittedAt)).gte(cut), 1).finally(0),
        )),
        Expr::val(0),
    ]))
    .cast_as("BIGINT");
    let rows: Vec<(String, i64, i64, i64)> = round_unit::Entity::find()
        .select_only()
        .column(organisation::Column::Kind)
        .column_as(Expr::col((round_unit::Entity, round_unit::Column::Id)).count(), "n")
        .column_as(Expr::col((round_unit::Entity, round_unit::Column::SubmittedAt)).count(), "submitted")
        .column_as(late_submitted, "late")
        .join(JoinType::InnerJoin, round_unit::Relation::Unit.def())
        .filter(round_unit::Column::RoundId.eq(r.id))
        .group_by(organisation::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let mut figures = Figures::default();
    for kind in [OrgKind::Department, OrgKind::Township] {
        let (n, submitted, late) =
            rows.iter().find(|row| row.0 == kind.as_str()).map_or((0, 0, 0), |row| (row.1, row.2, row.3));
        figures.units.push((kind, n, submitted, late + if overdue { n - submitted } else { 0 }));
    }
    let mut late = Condition::any().add(round_unit::Column::SubmittedAt.gte(cut));
    if overdue {
        late = late.add(round_unit::Column::SubmittedAt.is_null());
    }
    figures.late_units = round_unit::Entity::find()
        .select_only()
        .column(organisation::Column::Name)
        .join(JoinType::InnerJoin, round_unit::Relation::Unit.def())
        .filter(round_unit::Column::RoundId.eq(r.id))
        .filter(late)
        .order_by_asc(organisation::Column::Name)
        .into_tuple()
        .all(db)
        .await?;
    Ok(figures)
}

/// Several rounds' unit figures, each unit counted once: monitored if in any
/// round, submitted if it submitted in every round it was in, late if late in any.
async fn unit_figures_of_rounds(db: &impl ConnectionTrait, rounds: &[round::Model]) -> AppResult<Figures> {
    let ids: Vec<i64> = rounds.iter().map(|r| r.id).collect();
    let today = Utc::now().date_naive();
    let units: Vec<(round_unit::Model, Option<organisation::Model>)> = round_unit::Entity::find()
        .filter(round_unit::Column::RoundId.is_in(ids.clone()))
        .find_also_related(organisation::Entity)
        .all(db)
        .await?;
    let mut figures = Figures::default();
    for kind in [OrgKind::Department, OrgKind::Township] {
        let of_kind: Vec<_> =
            units.iter().filter(|(_, o)| o.as_ref().is_some_and(|o| o.kind == kind.as_str())).collect();
        let monitored: BTreeSet<i64> = of_kind.iter().map(|(u, _)| u.unit_id).collect();
        let missing: BTreeSet<i64> =
            of_kind.iter().filter(|(u, _)| u.submitted_at.is_none()).map(|(u, _)| u.unit_id).collect();
        let submitted: BTreeSet<i64> = monitored.difference(&missing).copied().collect();
        let late: BTreeSet<i64> = of_kind
            .iter()
            .filter(|(u, _)| rounds.iter().find(|r| r.id == u.round_id).is_some_and(|r| is_late(r, u, today)))
            .map(|(u, _)| u.unit_id)
            .collect();
        figures.units.push((kind, count(monitored.len()), count(submitted.len()), count(late.len())));
    }
    let mut late_names: Vec<String> = units
        .iter()
        .filter(|(u, _)| rounds.iter().find(|r| r.id == u.round_id).is_some_and(|r| is_late(r, u, today)))
        .filter_map(|(_, o)| o.as_ref().map(|o| o.name.clone()))
        .collect();
    late_names.sort();
    late_names.dedup();
    figures.late_units = late_names;
    Ok(figures)
}

/// Projects by light in one round, counted by the database.
async fn lights_of_round(db: &impl ConnectionTrait, round_id: i64) -> AppResult<Vec<(Light, i64)>> {
    let lights: Vec<(String, i64)> = report::Entity::find()
        .select_only()
        .column(report::Column::Light)
        .column_as(Expr::col(report::Column::Id).count(), "n")
        .filter(report::Column::RoundId.eq(round_id))
        .group_by(report::Column::Light)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Light::ALL.iter().map(|l| (*l, lights.iter().find(|r| r.0 == l.as_str()).map_or(0, |r| r.1))).collect())
}

/// Projects by light over several rounds: each project once, with its light
/// in the latest round (by checkpoint month) that has its report.
async fn latest_lights(db: &impl ConnectionTrait, rounds: &[round::Model]) -> AppResult<Vec<(Light, i64)>> {
    let ids: Vec<i64> = rounds.iter().map(|r| r.id).collect();
    let rows: Vec<(i64, i64, String)> = report::Entity::find()
        .select_only()
        .column(report::Column::ProjectId)
        .column(report::Column::RoundId)
        .column(report::Column::Light)
        .filter(report::Column::RoundId.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    let month = |round_id: i64| rounds.iter().find(|r| r.id == round_id).map_or(0, |r| r.month);
    let mut latest: std::collections::BTreeMap<i64, (i32, String)> = std::collections::BTreeMap::new();
    for (project, round_id, light) in rows {
        let m = month(round_id);
        if latest.get(&project).is_none_or(|(seen, _)| m > *seen) {
            latest.insert(project, (m, light));
        }
    }
    Ok(Light::ALL
        .iter()
        .map(|l| (*l, count(latest.values().filter(|(_, light)| light == l.as_str()).count())))
        .collect())
}

async fn decisions(db: &impl ConnectionTrait, ids: &[i64], figures: &mut Figures) -> AppResult<()> {
    let decisions: Vec<(String, Option<i64>)> = decision::Entity::find()
        .select_only()
        .column(decision::Column::Kind)
        .column(decision::Column::AmountFen)
        .filter(decision::Column::RoundId.is_in(ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    figures.decisions = DecisionKind::ALL
        .iter()
        .map(|k| {
            let rows: Vec<_> = decisions.iter().filter(|d| d.0 == k.as_str()).collect();
            (*k, count(rows.len()), rows.iter().map(|d| from_fen(d.1.unwrap_or(0))).sum())
        })
        .collect();
    Ok(())
}

/// Units × lights for a round's dashboard, in the viewer's scope, by unit
/// code: each unit once with its projects per light (blue, green, yellow, red).
pub async fn unit_lights(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    round_id: i64,
) -> AppResult<Vec<(organisation::Model, [i64; 4])>> {
    rounds::get(db, viewer, round_id).await?;
    let counts: Vec<(i64, String, i64)> = report::Entity::find()
        .select_only()
        .column(report::Column::UnitId)
        .column(report::Column::Light)
        .column_as(Expr::col((report::Entity, report::Column::Id)).count(), "n")
        .filter(report::Column::RoundId.eq(round_id))
        .filter(scope::units_condition(viewer, report::Column::UnitId))
        .group_by(report::Column::UnitId)
        .group_by(report::Column::Light)
        .into_tuple()
        .all(db)
        .await?;
    let ids: BTreeSet<i64> = counts.iter().map(|c| c.0).collect();
    let units = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .order_by_asc(organisation::Column::Code)
        .order_by_asc(organisation::Column::Id)
        .all(db)
        .await?;
    Ok(units
        .into_iter()
        .map(|unit| {
            let n = |l: Light| counts.iter().filter(|c| c.0 == unit.id && c.1 == l.as_str()).map(|c| c.2).sum();
            let lights = [n(Light::Blue), n(Light::Green), n(Light::Yellow), n(Light::Red)];
            (unit, lights)
        })
        .collect())
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
