//! The lights of "双监控" (RULES.md §3.3): budget execution and target
//! progress, under either configurable rule set.
//!
//! Thresholds compare exact values: a share `num / den` is compared with a
//! threshold `t` as `num × 100 < t × den`, never through a rounded quotient
//! (59.96 is red, 79.96 yellow). Only display rounds ([`execution_rate`],
//! [`execution_value`], [`completion_rate`]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{ExecutionRuleKind, Light, QualitativeProgress};
use crate::indicators::{Comparator, Direction};
use crate::targets::TargetIndicator;

/// The worst of several lights (a project's light is the worst of its indicators').
pub fn worst(lights: impl IntoIterator<Item = Light>) -> Option<Light> {
    lights.into_iter().max()
}

/// The configurable numbers of the light rules [practice]; each round keeps
/// the values it was opened with. The same type is the API's `LightRules`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "graphql", derive(async_graphql::SimpleObject))]
pub struct LightRules {
    pub execution: ExecutionRuleKind,
    /// Ratio rule: value below this is red (default 60).
    pub red_below: Decimal,
    /// Ratio rule: value below this (and not red) is yellow (default 80).
    pub yellow_below: Decimal,
    /// An indicator at or above this share of its full-year target is blue (default 120 %).
    pub blue_at_percent: Decimal,
    /// Fixed-floor rule: the minimum execution by checkpoint month, ascending.
    pub floors: Vec<Floor>,
    /// Fixed-floor rule: warn when target completion and execution differ by more (pp).
    pub gap_points: Decimal,
}

/// Fixed-floor rule: by the end of `month`, at least `percent` executed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "graphql", derive(async_graphql::SimpleObject), graphql(name = "ExecutionFloor"))]
pub struct Floor {
    pub month: u32,
    pub percent: Decimal,
}

/// The checkpoint months of the fixed-floor rule (1–4月, 1–6月, 1–8月, 1–10月).
pub const FLOOR_MONTHS: [u32; 4] = [4, 6, 8, 10];

impl Default for LightRules {
    fn default() -> Self {
        LightRules {
            execution: ExecutionRuleKind::Ratio,
            red_below: Decimal::from(60),
            yellow_below: Decimal::from(80),
            blue_at_percent: Decimal::from(120),
            floors: FLOOR_MONTHS
                .iter()
                .zip([25, 40, 60, 80])
                .map(|(month, f)| Floor { month: *month, percent: Decimal::from(f) })
                .collect(),
            gap_points: Decimal::from(10),
        }
    }
}

impl LightRules {
    pub fn sichuan() -> Self {
        LightRules { execution: ExecutionRuleKind::FixedFloors, ..LightRules::default() }
    }

    /// Whether the numbers make a usable rule set: 0 ≤ red ≤ yellow ≤ 1000,
    /// blue above 100 %, floors ascending by month and by value within 0–100.
    pub fn check(&self) -> Result<(), String> {
        let hundred = Decimal::ONE_HUNDRED;
        if self.red_below.is_sign_negative() || self.red_below > self.yellow_below {
            return Err("红灯线须不小于 0，且不高于黄灯线".into());
        }
        if self.yellow_below > Decimal::from(1000) {
            return Err("黄灯线不超过 1000".into());
        }
        if self.blue_at_percent <= hundred || self.blue_at_percent > Decimal::from(1000) {
            return Err("蓝灯线须高于 100%，且不超过 1000%".into());
        }
        let ascending = self.floors.windows(2).all(|w| w[0].month < w[1].month && w[0].percent <= w[1].percent);
        if !ascending || self.floors.iter().any(|f| f.month > 12 || f.percent.is_sign_negative() || f.percent > hundred)
        {
            return Err("进度线须按月份递增，且在 0 到 100 之间".into());
        }
        if self.gap_points.is_sign_negative() || self.gap_points > hundred {
            return Err("完成率与执行率差距预警线须在 0 到 100 之间".into());
        }
        Ok(())
    }

    fn by_share(&self, share: Share) -> Light {
        if share.below(self.red_below) {
            Light::Red
        } else if share.below(self.yellow_below) {
            Light::Yellow
        } else {
            Light::Green
        }
    }

    /// The floor in force at `month`: the latest checkpoint at or before it.
    pub fn floor_at(&self, month: u32) -> Decimal {
        self.floors.iter().filter(|f| f.month <= month).map(|f| f.percent).next_back().unwrap_or(Decimal::ZERO)
    }
}

/// A percentage kept as the exact fraction `num / den × 100` (`den > 0`).
#[derive(Debug, Clone, Copy)]
struct Share {
    num: Decimal,
    den: Decimal,
}

impl Share {
    fn new(num: Decimal, den: Decimal) -> Option<Share> {
        (den > Decimal::ZERO).then_some(Share { num, den })
    }

    /// `num / den × 100 < percent`, compared as `num × 100 < percent × den`.
    /// A side too large for a `Decimal` is larger than the other.
    fn below(self, percent: Decimal) -> bool {
        match (self.num.checked_mul(Decimal::ONE_HUNDRED), percent.checked_mul(self.den)) {
            (Some(left), Some(right)) => left < right,
            (None, _) => self.num.is_sign_negative(),
            (_, None) => !percent.is_sign_negative(),
        }
    }

    /// The share as a per-cent number at full precision (`None` past `Decimal`'s range).
    fn percent(self) -> Option<Decimal> {
        self.num.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(self.den)
    }
}

const NOTHING: Share = Share { num: Decimal::ZERO, den: Decimal::ONE };

/// 执行率 as a share: executed / budget (nothing executed for a zero budget).
fn execution_share(executed: Decimal, budget: Decimal) -> Share {
    Share::new(executed, budget).unwrap_or(NOTHING)
}

/// The ratio rule's value as a share: 执行率 / 序时进度 = executed × 12 /
/// (budget × month), the month clamped to 1–12.
fn ratio_share(executed: Decimal, budget: Decimal, month: u32) -> Share {
    let months = Decimal::from(month.clamp(1, 12));
    executed
        .checked_mul(Decimal::from(12))
        .zip(budget.checked_mul(months))
        .and_then(|(num, den)| Share::new(num, den))
        .unwrap_or(NOTHING)
}

/// 执行率 in per cent for display, two places: executed / budget × 100 (0 for
/// a zero budget). Lights do not use it: see [`execution_light`].
pub fn execution_rate(executed: Decimal, budget: Decimal) -> Decimal {
    display(execution_share(executed, budget).percent().unwrap_or(Decimal::ZERO))
}

/// The ratio rule's value for display: 执行率 / 序时进度 × 100, one place.
pub fn execution_value(executed: Decimal, budget: Decimal, month: u32) -> Decimal {
    ratio_share(executed, budget, month).percent().unwrap_or(Decimal::ZERO).round_dp(1)
}

fn display(mut v: Decimal) -> Decimal {
    v = v.round_dp(2);
    v.rescale(2);
    v
}

/// The budget-execution light at `month` for `executed` of `budget`.
/// Ratio rule: value = 执行率 / 序时进度 × 100 = executed × 12 / (budget ×
/// month) × 100, compared exactly (month 9: 40 % → 53.3 red, 45 % → 60.0
/// yellow, 59.9 % → 79.9 yellow, 60 % → 80.0 green). Fixed floors: below the
/// floor in force is red. A zero budget counts as nothing executed.
pub fn execution_light(executed: Decimal, budget: Decimal, month: u32, rules: &LightRules) -> Light {
    match rules.execution {
        ExecutionRuleKind::Ratio => rules.by_share(ratio_share(executed, budget, month)),
        ExecutionRuleKind::FixedFloors => {
            if execution_share(executed, budget).below(rules.floor_at(month)) {
                Light::Red
            } else {
                Light::Green
            }
        }
    }
}

/// What a unit reports of one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// A quantitative actual to date.
    Actual(Decimal),
    Qualitative(QualitativeProgress),
}

/// The indicator's full-year target as a number, if it is one (定性 and a
/// 定量（其他） target such as “按期完成” have none).
pub fn numeric_target(plan: &TargetIndicator) -> Option<Decimal> {
    if plan.comparator == Comparator::Qualitative {
        return None;
    }
    plan.target_value.trim().parse::<Decimal>().ok()
}

/// An indicator's light at `month` with full-year target `target`.
/// 正向: A = 0 red; A ≥ 120 % T blue; else A / (T × month/12) × 100 by the
/// thresholds, compared exactly (T = 1200, month 6: 300 red, 500 green, 800
/// green, 1500 blue). 反向: A ≤ T green, else red. 定性: 达成 green, 部分达成
/// yellow, 未达成 red. Without a numeric target there is nothing to measure
/// against: nothing done is red, anything done green, never blue.
pub fn indicator_light(
    comparator: Comparator,
    direction: Direction,
    target: Option<Decimal>,
    progress: &Progress,
    month: u32,
    rules: &LightRules,
) -> Light {
    let actual = match progress {
        Progress::Qualitative(QualitativeProgress::Achieved) => return Light::Green,
        Progress::Qualitative(QualitativeProgress::Partial) => return Light::Yellow,
        Progress::Qualitative(QualitativeProgress::NotAchieved) => return Light::Red,
        Progress::Actual(actual) => *actual,
    };
    let Some(target) = target else {
        return if actual > Decimal::ZERO { Light::Green } else { Light::Red };
    };
    if direction == Direction::Negative || comparator == Comparator::AtMost {
        return if actual <= target { Light::Green } else { Light::Red };
    }
    if actual <= Decimal::ZERO {
        return Light::Red;
    }
    // A zero (or negative) target: anything done is beyond it.
    let Some(full_year) = Share::new(actual, target) else { return Light::Blue };
    if !full_year.below(rules.blue_at_percent) {
        return Light::Blue;
    }
    rules.by_share(ratio_share(actual, target, month))
}

/// Target completion in per cent of the full-year target (capped at 100), at
/// full precision; `None` without a numeric target or for a qualitative report.
pub fn completion_rate(progress: &Progress, target: Option<Decimal>) -> Option<Decimal> {
    let (Progress::Actual(actual), Some(target)) = (progress, target) else { return None };
    if target <= Decimal::ZERO {
        return Some(Decimal::ONE_HUNDRED);
    }
    let rate = Share::new(*actual, target).and_then(Share::percent);
    Some(rate.map_or(Decimal::ONE_HUNDRED, |r| r.min(Decimal::ONE_HUNDRED)))
}

/// Fixed-floor rule: |mean 目标完成率 − 预算执行率| > gap is a warning. The
/// mean is taken at full precision (28 significant digits), never rounded.
pub fn gap_warning(completions: &[Decimal], executed: Decimal, budget: Decimal, rules: &LightRules) -> bool {
    if rules.execution != ExecutionRuleKind::FixedFloors || completions.is_empty() {
        return false;
    }
    let Some(sum) = completions.iter().try_fold(Decimal::ZERO, |acc, c| acc.checked_add(*c)) else { return false };
    let mean = sum / Decimal::from(completions.len());
    let rate = execution_share(executed, budget).percent().unwrap_or(Decimal::ZERO);
    (mean - rate).abs() > rules.gap_points
}

/// A project's light: the worst of its execution light and its indicators';
/// under the fixed-floor rule a gap of more than `gap_points` between the mean
/// target completion and the execution rate makes it at least yellow.
pub fn project_light(
    execution: Option<(Decimal, Decimal)>,
    month: u32,
    indicators: &[Light],
    completions: &[Decimal],
    rules: &LightRules,
) -> Option<Light> {
    let mut lights = indicators.to_vec();
    if let Some((executed, budget)) = execution {
        lights.push(execution_light(executed, budget, month, rules));
        if gap_warning(completions, executed, budget, rules) {
            lights.push(Light::Yellow);
        }
    }
    worst(lights)
}

#[cfg(test)]
mod tests;
