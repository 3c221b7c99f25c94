use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use shared::monitoring::{ExecutionRuleKind, LightRules, RoundStatus};

use super::entity as round;
use super::service;
use super::unit as round_unit;
use crate::graphql::{RoundUnitConnection, db, page_complexity, parse_id, parse_opt_id, viewer};
use crate::organisations::graphql::{OrganisationObject, load_required};
use crate::pagination::PageRequest;

pub struct RoundObject(pub round::Model);

#[Object(name = "MonitoringRound")]
impl RoundObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn year_id(&self) -> ID {
        ID(self.0.year_id.to_string())
    }
    /// The checkpoint month: data as at the end of this month.
    async fn month(&self) -> i32 {
        self.0.month
    }
    async fn due_date(&self) -> &str {
        &self.0.due_date
    }
    async fn rule(&self) -> Option<ExecutionRuleKind> {
        ExecutionRuleKind::parse(&self.0.rule)
    }
    async fn open(&self) -> bool {
        service::is_open(&self.0)
    }
    async fn status(&self) -> RoundStatus {
        service::status(&self.0)
    }
    /// The light numbers this round was opened with (rule settings at the time).
    async fn light_rules(&self) -> LightRules {
        service::rules_of(&self.0)
    }
}

/// A unit of a round, with the round (for the due date).
pub struct RoundUnitObject(pub round_unit::Model, pub round::Model);

#[Object(name = "RoundUnit")]
impl RoundUnitObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn unit(&self, ctx: &Context<'_>) -> Result<OrganisationObject> {
        load_required(ctx, self.0.unit_id).await
    }
    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at
    }
    async fn reviewed_at(&self) -> Option<DateTime<Utc>> {
        self.0.reviewed_at
    }
    async fn review_note(&self) -> &str {
        &self.0.review_note
    }
    /// Not submitted by the due date (逾期未报), or submitted after it.
    async fn late(&self) -> bool {
        service::is_late(&self.1, &self.0, Utc::now().date_naive())
    }
}

#[derive(Default)]
pub struct RoundQuery;

#[Object]
impl RoundQuery {
    /// The monitoring rounds of a year the caller takes part in.
    async fn monitoring_rounds(&self, ctx: &Context<'_>, year_id: ID) -> Result<Vec<RoundObject>> {
        let rounds = service::list(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?).await?;
        Ok(rounds.into_iter().map(RoundObject).collect())
    }

    /// One round, if the caller takes part in it.
    async fn monitoring_round(&self, ctx: &Context<'_>, id: ID) -> Result<RoundObject> {
        Ok(RoundObject(service::get(db(ctx), viewer(ctx)?, parse_id(&id, "监控任务")?).await?))
    }

    /// The units of a round in the caller's scope, with their submission state.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn round_units(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<RoundUnitConnection> {
        let page = PageRequest::parse(first, after.as_deref(), 50)?;
        let (r, rows) = service::units(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?, page).await?;
        Ok(RoundUnitConnection::from_page(rows, |u| u.id, |u| RoundUnitObject(u, r.clone())))
    }
}

#[derive(Default)]
pub struct RoundMutation;

#[Object]
impl RoundMutation {
    /// The 绩效股 opens a round at a checkpoint month, for all units or a selection.
    async fn open_monitoring_round(
        &self,
        ctx: &Context<'_>,
        year_id: ID,
        month: i32,
        due_date: String,
        rule: Option<ExecutionRuleKind>,
        unit_ids: Option<Vec<ID>>,
    ) -> Result<RoundObject> {
        let units =
            unit_ids.map(|ids| ids.iter().map(|id| parse_id(id, "单位")).collect::<Result<Vec<_>, _>>()).transpose()?;
        let r = service::open(
            db(ctx),
            viewer(ctx)?,
            parse_id(&year_id, "预算年度")?,
            month,
            &due_date,
            rule.unwrap_or(ExecutionRuleKind::Ratio),
            units,
        )
        .await?;
        Ok(RoundObject(r))
    }

    /// A unit declares its round report complete (its own, or a sub-unit's with `unitId`).
    async fn submit_round_report(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        unit_id: Option<ID>,
    ) -> Result<RoundUnitObject> {
        let id = parse_id(&round_id, "监控任务")?;
        let unit = parse_opt_id(unit_id.as_ref(), "单位")?;
        let (r, ru) = service::submit_unit(db(ctx), viewer(ctx)?, id, unit).await?;
        Ok(RoundUnitObject(ru, r))
    }

    /// The 绩效股 closes a round.
    async fn close_monitoring_round(&self, ctx: &Context<'_>, id: ID) -> Result<RoundObject> {
        Ok(RoundObject(service::close(db(ctx), viewer(ctx)?, parse_id(&id, "监控任务")?).await?))
    }

    /// The business section (or the 绩效股) reviews a unit's report.
    async fn review_round_report(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        unit_id: ID,
        note: String,
    ) -> Result<RoundUnitObject> {
        let id = parse_id(&round_id, "监控任务")?;
        let (r, ru) = service::review_unit(db(ctx), viewer(ctx)?, id, parse_id(&unit_id, "单位")?, note).await?;
        Ok(RoundUnitObject(ru, r))
    }
}
