//! A unit's report as it is typed and read: the numbers parsed, each
//! indicator's progress, light and completion. The browser's form shows its
//! live lights with these functions and the server
//! (`backend/src/monitoring/reports/write.rs`) stores them with the same, so
//! what the form shows is what the server will store.

use rust_decimal::Decimal;

use super::{
    Light, LightRules, Progress, QualitativeProgress, completion_rate, execution_light, execution_rate,
    indicator_light, numeric_target,
};
use crate::indicators::Comparator;
use crate::money::{format_yuan, parse_yuan};
use crate::targets::TargetIndicator;

/// A number the unit typed (actual, forecast): empty is `None`; thousands
/// separators are allowed.
pub fn parse_number(text: &str) -> Result<Option<Decimal>, String> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',' && *c != '，').collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    cleaned.parse::<Decimal>().map(Some).map_err(|_| "须为数字".to_owned())
}

/// The executed amount: empty is `None`; never above the approved budget.
pub fn parse_executed(text: &str, budget: Decimal) -> Result<Option<Decimal>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let executed = parse_yuan(text).map_err(|e| e.to_string())?;
    if executed > budget {
        return Err(format!("执行金额不能超过批复金额 {}", format_yuan(budget)));
    }
    Ok(Some(executed))
}

/// Budget execution: 执行率 (per cent, two places) and its light at `month`.
pub fn execution(executed: Decimal, budget: Decimal, month: u32, rules: &LightRules) -> (Decimal, Light) {
    (execution_rate(executed, budget), execution_light(executed, budget, month, rules))
}

/// What the unit reported of an indicator: a qualitative outcome for 定性,
/// an actual to date (not below 0) otherwise; `None` until given.
pub fn progress(
    plan: &TargetIndicator,
    actual: &str,
    qualitative: Option<QualitativeProgress>,
) -> Result<Option<Progress>, String> {
    if plan.comparator == Comparator::Qualitative {
        return Ok(qualitative.map(Progress::Qualitative));
    }
    match parse_number(actual)? {
        None => Ok(None),
        Some(a) if a.is_sign_negative() && !a.is_zero() => Err("截至目前完成值不能小于 0".to_owned()),
        Some(a) => Ok(Some(Progress::Actual(a))),
    }
}

/// An indicator's light at `month`.
pub fn indicator(plan: &TargetIndicator, progress: &Progress, month: u32, rules: &LightRules) -> Light {
    indicator_light(plan.comparator, plan.direction, numeric_target(plan), progress, month, rules)
}

/// Target completion (per cent, capped at 100) for the fixed-floor gap check.
pub fn completion(plan: &TargetIndicator, progress: &Progress) -> Option<Decimal> {
    completion_rate(progress, numeric_target(plan))
}

#[cfg(test)]
mod tests {
    use crate::indicators::{Direction, IndicatorSource, Level2};

    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn plan(comparator: Comparator, target: &str) -> TargetIndicator {
        TargetIndicator {
            level2: Level2::Quantity,
            name: "受益人数".into(),
            comparator,
            target_value: target.into(),
            unit: "人".into(),
            weight: d("60"),
            direction: Direction::Positive,
            scoring_standard: String::new(),
            explanation: String::new(),
            source: IndicatorSource::Library,
            library_id: None,
        }
    }

    #[test]
    fn the_worked_examples_of_the_rules() {
        let rules = LightRules::default();
        // Month 9, budget 100,000: 40 % red, 45 % yellow, 60 % green.
        for (executed, light) in [("40000", Light::Red), ("45000", Light::Yellow), ("60000", Light::Green)] {
            let e = parse_executed(executed, d("100000")).unwrap().unwrap();
            assert_eq!(execution(e, d("100000"), 9, &rules).1, light, "{executed}");
        }
        // T = 1200 at month 6: 300 red, 500 green, 1,500 blue.
        let p = plan(Comparator::AtLeast, "1200");
        for (actual, light) in [("300", Light::Red), ("500", Light::Green), ("1,500", Light::Blue)] {
            let progress = progress(&p, actual, None).unwrap().unwrap();
            assert_eq!(indicator(&p, &progress, 6, &rules), light, "{actual}");
        }
    }

    #[test]
    fn input_is_read_as_the_server_reads_it() {
        let p = plan(Comparator::AtLeast, "1200");
        assert_eq!(progress(&p, " ", None), Ok(None));
        assert!(progress(&p, "12a", None).is_err());
        assert!(progress(&p, "-1", None).is_err());
        let q = plan(Comparator::Qualitative, "明显改善");
        assert_eq!(progress(&q, "5", None), Ok(None));
        assert!(parse_executed("100000.01", d("100000")).is_err());
        assert!(parse_executed("1.234", d("100000")).is_err());
        assert_eq!(parse_executed("", d("100000")), Ok(None));
    }
}
