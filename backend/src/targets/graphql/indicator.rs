//! A target's indicator in the API, as edited (in); out, it is
//! `shared::targets::TargetIndicator` itself.

use async_graphql::{ID, InputObject, Result};
use rust_decimal::Decimal;
use shared::indicators::{Comparator, Direction, IndicatorSource, Level2};
use shared::targets::TargetIndicator;

use crate::error::AppError;
use crate::graphql::parse_opt_id;

// The API's `TargetIndicatorInput`: the weight as typed (a decimal string,
// refused with its row's number) and the library entry as an `ID`. The
// output is the shared domain type itself (`shared::targets::TargetIndicator`).
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
