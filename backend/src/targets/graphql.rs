use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use shared::money::from_fen;
use shared::reviews::{ReviewAction, ReviewStep, TargetState};
use shared::targets::{self as rules_of, TargetDraft, TargetIndicator, quantified_share, validate_target};

use super::entity as target;
use super::{chain, service};
use crate::error::AppError;
use crate::ex_ante::graphql::ExAnteObject;
use crate::ex_ante::service as ex_ante;
use crate::graphql::{Money, TargetConnection, db, page_complexity, parse_id, parse_opt_id, viewer};
use crate::loader;
use crate::organisations::entity as organisation;
use crate::projects::entity as project;
use crate::projects::graphql::{ProjectObject, load_project};
use crate::rules;
use crate::users::entity as user;

mod indicator;
pub use indicator::TargetIndicatorInput;

#[derive(SimpleObject)]
pub struct TargetIssue {
    /// 0-based index of the indicator; null for the whole target.
    indicator: Option<i32>,
    field: String,
    message: String,
}

/// One difference between two revisions.
#[derive(SimpleObject)]
pub struct Change {
    /// GOAL_CHANGED, ADDED, REMOVED or MODIFIED.
    kind: String,
    name: Option<String>,
    field: Option<String>,
    before: Option<String>,
    after: Option<String>,
}

impl From<rules_of::Change> for Change {
    fn from(c: rules_of::Change) -> Self {
        let (kind, name, field, before, after) = match c {
            rules_of::Change::GoalChanged { before, after } => ("GOAL_CHANGED", None, None, Some(before), Some(after)),
            rules_of::Change::Added { name } => ("ADDED", Some(name), None, None, None),
            rules_of::Change::Removed { name } => ("REMOVED", Some(name), None, None, None),
            rules_of::Change::Modified { name, field, before, after } => {
                ("MODIFIED", Some(name), Some(field), Some(before), Some(after))
            }
        };
        Change { kind: kind.into(), name, field, before, after }
    }
}

#[derive(SimpleObject)]
pub struct TargetRevision {
    number: i32,
    overall_goal: String,
    indicators: Vec<TargetIndicator>,
    submitted_at: DateTime<Utc>,
    submitted_by: String,
    /// What changed since the previous revision (empty for the first).
    changes: Vec<Change>,
}

#[derive(SimpleObject)]
pub struct TargetReview {
    step: ReviewStep,
    action: ReviewAction,
    revision: i32,
    reasons: String,
    adjust_amount: Option<Money>,
    reviewer: String,
    organisation: String,
    at: DateTime<Utc>,
}

pub struct TargetObject(pub target::Model);

#[Object(name = "Target")]
impl TargetObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn project(&self, ctx: &Context<'_>) -> Result<ProjectObject> {
        load_project(ctx, self.0.project_id).await
    }

    async fn state(&self) -> Result<TargetState> {
        Ok(service::state(&self.0)?)
    }

    /// Number of submitted revisions.
    async fn revision(&self) -> i32 {
        self.0.revision
    }

    async fn overall_goal(&self) -> &str {
        &self.0.overall_goal
    }

    async fn indicators(&self) -> Result<Vec<TargetIndicator>> {
        Ok(service::indicators(&self.0.indicators)?)
    }

    /// The save-time checks of the current draft (empty: ready to submit).
    async fn issues(&self, ctx: &Context<'_>) -> Result<Vec<TargetIssue>> {
        let rules = rules::target_rules(db(ctx)).await?;
        Ok(validate_target(&service::draft(&self.0)?, &rules)
            .into_iter()
            .map(|i| TargetIssue {
                indicator: i.indicator.and_then(|n| i32::try_from(n).ok()),
                field: i.field.into(),
                message: i.message,
            })
            .collect())
    }

    /// Share of quantified indicators with a unit, per cent ("75.00").
    async fn quantified_share(&self) -> Result<String> {
        let mut share = quantified_share(&service::indicators(&self.0.indicators)?);
        share.rescale(2);
        Ok(share.to_string())
    }

    async fn revisions(&self, ctx: &Context<'_>) -> Result<Vec<TargetRevision>> {
        let rows = service::revisions(db(ctx), self.0.id).await?;
        let mut out = Vec::with_capacity(rows.len());
        let mut previous: Option<TargetDraft> = None;
        for r in rows {
            let current =
                TargetDraft { overall_goal: r.overall_goal.clone(), indicators: service::indicators(&r.indicators)? };
            let changes = previous.as_ref().map(|p| rules_of::diff(p, &current)).unwrap_or_default();
            let submitter = loader::load::<user::Entity>(ctx, r.submitted_by).await?;
            out.push(TargetRevision {
                number: r.number,
                overall_goal: r.overall_goal,
                indicators: current.indicators.clone(),
                submitted_at: r.submitted_at,
                submitted_by: submitter.map(|u| u.display_name).unwrap_or_default(),
                changes: changes.into_iter().map(Change::from).collect(),
            });
            previous = Some(current);
        }
        Ok(out)
    }

    async fn reviews(&self, ctx: &Context<'_>) -> Result<Vec<TargetReview>> {
        let mut out = Vec::new();
        for r in service::reviews(db(ctx), self.0.id).await? {
            let reviewer = loader::load::<user::Entity>(ctx, r.reviewer_id).await?;
            let org = loader::load::<organisation::Entity>(ctx, r.reviewer_org_id).await?;
            out.push(TargetReview {
                step: ReviewStep::parse(&r.step).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad step")))?,
                action: ReviewAction::parse(&r.action)
                    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad action")))?,
                revision: r.revision,
                reasons: r.reasons,
                adjust_amount: r.adjust_fen.map(|f| Money(from_fen(f))),
                reviewer: reviewer.map(|u| u.display_name).unwrap_or_default(),
                organisation: org.map(|o| o.name).unwrap_or_default(),
                at: r.at,
            });
        }
        Ok(out)
    }

    /// Whether the project needs an ex-ante assessment before approval.
    async fn requires_ex_ante(&self, ctx: &Context<'_>) -> Result<bool> {
        let p = loader::load::<project::Entity>(ctx, self.0.project_id).await?;
        match p {
            Some(p) => Ok(ex_ante::required_for(db(ctx), &p).await?),
            None => Ok(false),
        }
    }

    async fn ex_ante(&self, ctx: &Context<'_>) -> Result<Option<ExAnteObject>> {
        Ok(ex_ante::for_project(db(ctx), self.0.project_id).await?.map(ExAnteObject))
    }

    /// Σ of the budget adjustments made in review.
    async fn adjusted_total(&self, ctx: &Context<'_>) -> Result<Money> {
        Ok(Money(service::adjusted_total(db(ctx), self.0.project_id).await?))
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(SimpleObject)]
pub struct TargetRulesObject {
    /// Indicator weights must sum to this.
    weight_total: String,
}

#[derive(Default)]
pub struct TargetQuery;

#[Object]
impl TargetQuery {
    async fn target_rules(&self, ctx: &Context<'_>) -> Result<TargetRulesObject> {
        viewer(ctx)?;
        let r = rules::target_rules(db(ctx)).await?;
        Ok(TargetRulesObject { weight_total: r.weight_total.normalize().to_string() })
    }

    /// The target of a project; null if the unit has not started one.
    async fn target(&self, ctx: &Context<'_>, project_id: ID) -> Result<Option<TargetObject>> {
        let t = service::for_project(db(ctx), viewer(ctx)?, parse_id(&project_id, "项目")?).await?;
        Ok(t.map(TargetObject))
    }

    /// Targets of a year in the caller's scope.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    #[allow(clippy::too_many_arguments)] // each argument is a GraphQL filter
    async fn targets(
        &self,
        ctx: &Context<'_>,
        year_id: ID,
        state: Option<TargetState>,
        unit_id: Option<ID>,
        #[graphql(desc = "Only targets no expert panel has been given yet.")] awaiting_panel: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<TargetConnection> {
        let page = crate::pagination::PageRequest::parse(first, after.as_deref(), 20)?;
        let unit = parse_opt_id(unit_id.as_ref(), "单位")?;
        let year = parse_id(&year_id, "预算年度")?;
        let awaiting = awaiting_panel.unwrap_or(false);
        let rows = service::list(db(ctx), viewer(ctx)?, year, state, unit, awaiting, page).await?;
        Ok(TargetConnection::from_page(rows, |t| t.id, TargetObject))
    }

    /// 待办: targets waiting for the caller's action.
    #[graphql(complexity = "page_complexity(child_complexity, first)")]
    async fn review_queue(
        &self,
        ctx: &Context<'_>,
        year_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<TargetConnection> {
        let page = crate::pagination::PageRequest::parse(first, after.as_deref(), 20)?;
        let year = parse_opt_id(year_id.as_ref(), "预算年度")?;
        let rows = service::queue(db(ctx), viewer(ctx)?, year, page).await?;
        Ok(TargetConnection::from_page(rows, |t| t.id, TargetObject))
    }
}

#[derive(Default)]
pub struct TargetMutation;

#[Object]
impl TargetMutation {
    /// Saves the unit's draft; rule checks are reported in `issues`, not refused.
    async fn save_target(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        overall_goal: String,
        indicators: Vec<TargetIndicatorInput>,
    ) -> Result<TargetObject> {
        let indicators =
            indicators.into_iter().enumerate().map(|(i, ind)| ind.into_domain(i)).collect::<Result<Vec<_>, _>>()?;
        let draft = TargetDraft { overall_goal, indicators };
        Ok(TargetObject(service::save(db(ctx), viewer(ctx)?, parse_id(&project_id, "项目")?, draft).await?))
    }

    /// 单位自审通过并提交.
    async fn submit_target(&self, ctx: &Context<'_>, project_id: ID) -> Result<TargetObject> {
        Ok(TargetObject(chain::submit(db(ctx), viewer(ctx)?, parse_id(&project_id, "项目")?).await?))
    }

    /// Pass, return (with reasons) or approve at the target's current step;
    /// `adjustAmount` reduces the project's budget (ledger source TARGET_REVIEW):
    /// only with PASS or APPROVE, once per step and revision.
    async fn review_target(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        action: ReviewAction,
        reasons: Option<String>,
        adjust_amount: Option<Money>,
    ) -> Result<TargetObject> {
        let id = parse_id(&project_id, "项目")?;
        let t = chain::review(db(ctx), viewer(ctx)?, id, action, reasons, adjust_amount.map(|m| m.0)).await?;
        Ok(TargetObject(t))
    }
}
