//! A target's indicator in the API: the stored indicator out, the edited one in.

use async_graphql::{ID, InputObject, Object, Result};
use rust_decimal::Decimal;
use shared::indicators::{Comparator, Direction, IndicatorSource, Level1, Level2};
use shared::targets::TargetIndicator;

use crate::error::AppError;
use crate::graphql::parse_opt_id;

/// One indicator as stored (output).
pub struct TargetIndicatorObject(pub TargetIndicator);

#[Object(name = "TargetIndicator")]
impl TargetIndicatorObject {
    async fn level1(&self) -> Level1 {
        self.0.level2.level1()
    }
    async fn level2(&self) -> Level2 {
        self.0.level2
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn comparator(&self) -> Comparator {
        self.0.comparator
    }
    async fn target_value(&self) -> &str {
        &self.0.target_value
    }
    async fn unit(&self) -> &str {
        &self.0.unit
    }
    /// Decimal string.
    async fn weight(&self) -> String {
        self.0.weight.normalize().to_string()
    }
    async fn direction(&self) -> Direction {
        self.0.direction
    }
    async fn scoring_standard(&self) -> &str {
        &self.0.scoring_standard
    }
    async fn explanation(&self) -> &str {
        &self.0.explanation
    }
    async fn source(&self) -> IndicatorSource {
        self.0.source
    }
    async fn library_id(&self) -> Option<ID> {
        self.0.library_id.map(|id| ID(id.to_string()))
    }
}

#[derive(InputObject)]
pub struct TargetIndicatorInput {
    pub level2: Level2,
    pub name: String,
    pub comparator: Comparator,
    pub target_value: String,
    pub unit: String,
    /// Decimal string, e.g. "30" or "12.5".
    pub weight: String,
    pub direction: Direction,
    pub scoring_standard: String,
    pub explanation: String,
    pub source: IndicatorSource,
    pub library_id: Option<ID>,
}

impl TargetIndicatorInput {
    pub(super) fn into_domain(self, index: usize) -> Result<TargetIndicator, AppError> {
        let bad = || AppError::bad_field("weight", format!("第 {} 个指标的权重须为数字", index + 1));
        let weight: Decimal = shared::limits::parse_decimal(&self.weight).ok_or_else(bad)?;
        let too_long = [&self.name, &self.target_value, &self.unit, &self.scoring_standard, &self.explanation]
            .iter()
            .any(|s| s.chars().count() > 1000);
        if too_long {
            return Err(AppError::bad_field("indicators", format!("第 {} 个指标的内容过长", index + 1)));
        }
        Ok(TargetIndicator {
            level2: self.level2,
            name: self.name.trim().into(),
            comparator: self.comparator,
            target_value: self.target_value.trim().into(),
            unit: self.unit.trim().into(),
            weight,
            direction: self.direction,
            scoring_standard: self.scoring_standard.trim().into(),
            explanation: self.explanation.trim().into(),
            source: self.source,
            library_id: parse_opt_id(self.library_id.as_ref(), "指标")?,
        })
    }
}
