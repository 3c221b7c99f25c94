use async_graphql::{Context, ID, Object, Result, SimpleObject};
use shared::monitoring::{DecisionKind, Light};
use shared::organisations::OrgKind;

use super::service::{self, Figures};
use crate::graphql::{Money, db, parse_id, viewer};

#[derive(SimpleObject)]
pub struct UnitKindCount {
    unit_kind: OrgKind,
    monitored: i64,
    submitted: i64,
    late: i64,
}

#[derive(SimpleObject)]
pub struct LightCount {
    light: Light,
    projects: i64,
}

#[derive(SimpleObject)]
pub struct DecisionCount {
    kind: DecisionKind,
    projects: i64,
    amount: Money,
}

#[derive(SimpleObject)]
pub struct MonitoringStatistics {
    units: Vec<UnitKindCount>,
    late_units: Vec<String>,
    by_light: Vec<LightCount>,
    decisions: Vec<DecisionCount>,
}

impl From<Figures> for MonitoringStatistics {
    fn from(f: Figures) -> Self {
        MonitoringStatistics {
            units: f
                .units
                .into_iter()
                .map(|(unit_kind, monitored, submitted, late)| UnitKindCount { unit_kind, monitored, submitted, late })
                .collect(),
            late_units: f.late_units,
            by_light: f.by_light.into_iter().map(|(light, projects)| LightCount { light, projects }).collect(),
            decisions: f
                .decisions
                .into_iter()
                .map(|(kind, projects, amount)| DecisionCount { kind, projects, amount: Money(amount) })
                .collect(),
        }
    }
}

#[derive(Default)]
pub struct MonitoringStatisticsQuery;

#[Object]
impl MonitoringStatisticsQuery {
    /// A round's figures (绩效股, leadership).
    async fn round_statistics(&self, ctx: &Context<'_>, round_id: ID) -> Result<MonitoringStatistics> {
        Ok(service::of_round(db(ctx), viewer(ctx)?, parse_id(&round_id, "监控任务")?).await?.into())
    }

    /// A year's monitoring figures over all its rounds (绩效股, leadership).
    async fn monitoring_statistics(&self, ctx: &Context<'_>, year_id: ID) -> Result<MonitoringStatistics> {
        Ok(service::of_year(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?).await?.into())
    }
}
