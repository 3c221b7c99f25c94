//! 绩效运行监控 ("双监控", RULES.md §3.3): the lights of budget execution and
//! of target progress, under either configurable rule set.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain_enum;
use crate::indicators::{Comparator, Direction};

domain_enum! {
    /// A light, from best to worst.
    Light {
        Blue => ("blue", "蓝灯（超额）"),
        Green => ("green", "绿灯"),
        Yellow => ("yellow", "黄灯"),
        Red => ("red", "红灯"),
    }
}

domain_enum! {
    /// 完成可能性.
    Likelihood {
        Certain => ("certain", "确定能"),
        Possible => ("possible", "有可能"),
        Impossible => ("impossible", "完全不可能"),
    }
}

domain_enum! {
    /// 偏差原因 (several may apply).
    DeviationReason {
        Personnel => ("personnel", "人员"),
        System => ("system", "制度"),
        Funding => ("funding", "经费"),
        Other => ("other", "其他"),
    }
}

domain_enum! {
    /// Progress of a qualitative indicator.
    QualitativeProgress {
        Achieved => ("achieved", "达成"),
        Partial => ("partial", "部分达成"),
        NotAchieved => ("not_achieved", "未达成"),
    }
}

domain_enum! {
    /// Which rule set computes the budget-execution light.
    ExecutionRuleKind {
        Ratio => ("ratio", "序时进度比"),
        FixedFloors => ("fixed_floors", "固定进度线（四川）"),
    }
}

/// The worst of several lights (a project's light is the worst of its indicators').
pub fn worst(lights: impl IntoIterator<Item = Light>) -> Option<Light> {
    lights.into_iter().max()
}

/// The configurable numbers of the light rules [practice].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LightRules {
    pub execution: ExecutionRuleKind,
    /// Ratio rule: value below this is red (default 60).
    pub red_below: Decimal,
    /// Ratio rule: value below this (and not red) is yellow (default 80).
    pub yellow_below: Decimal,
    /// An indicator at or above this share of its full-year target is blue (default 120 %).
    pub blue_at_percent: Decimal,
    /// Fixed-floor rule: (checkpoint month, minimum execution %), ascending.
    pub floors: Vec<(u32, Decimal)>,
    /// Fixed-floor rule: warn when target completion and execution differ by more (pp).
    pub gap_points: Decimal,
}

impl Default for LightRules {
    fn default() -> Self {
        LightRules {
            execution: ExecutionRuleKind::Ratio,
            red_below: Decimal::from(60),
            yellow_below: Decimal::from(80),
            blue_at_percent: Decimal::from(120),
            floors: vec![
                (4, Decimal::from(25)),
                (6, Decimal::from(40)),
                (8, Decimal::from(60)),
                (10, Decimal::from(80)),
            ],
            gap_points: Decimal::from(10),
        }
    }
}

impl LightRules {
    pub fn sichuan() -> Self {
        LightRules { execution: ExecutionRuleKind::FixedFloors, ..LightRules::default() }
    }

    fn by_value(&self, value: Decimal) -> Light {
        if value < self.red_below {
            Light::Red
        } else if value < self.yellow_below {
            Light::Yellow
        } else {
            Light::Green
        }
    }

    /// The floor in force at `month`: the latest checkpoint at or before it.
    pub fn floor_at(&self, month: u32) -> Decimal {
        self.floors.iter().filter(|(m, _)| *m <= month).map(|(_, f)| *f).next_back().unwrap_or(Decimal::ZERO)
    }
}

/// 序时进度 in per cent: month / 12 × 100.
pub fn time_progress(month: u32) -> Decimal {
    Decimal::from(month.clamp(1, 12)) * Decimal::ONE_HUNDRED / Decimal::from(12)
}

/// 执行率 in per cent, two places: executed / budget × 100 (0 for a zero budget).
pub fn execution_rate(executed: Decimal, budget: Decimal) -> Decimal {
    let mut rate =
        if budget <= Decimal::ZERO { Decimal::ZERO } else { (executed * Decimal::ONE_HUNDRED / budget).round_dp(2) };
    rate.rescale(2);
    rate
}

/// The budget-execution light at `month` for an execution rate in per cent.
/// Ratio rule: value = rate / 序时进度 × 100, rounded to one place as the
/// rules quote it (month 9: 40 % → 53.3 red, 45 % → 60.0 yellow, 59.9 % → 79.9
/// yellow, 60 % → 80.0 green). Fixed floors: below the floor in force is red.
pub fn execution_light(rate: Decimal, month: u32, rules: &LightRules) -> Light {
    match rules.execution {
        ExecutionRuleKind::Ratio => rules.by_value(execution_value(rate, month)),
        ExecutionRuleKind::FixedFloors => {
            if rate < rules.floor_at(month) {
                Light::Red
            } else {
                Light::Green
            }
        }
    }
}

/// The ratio rule's value: rate / 序时进度 × 100, one place.
pub fn execution_value(rate: Decimal, month: u32) -> Decimal {
    (rate * Decimal::ONE_HUNDRED / time_progress(month)).round_dp(1)
}

/// What a unit reports of one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// A quantitative actual to date.
    Actual(Decimal),
    Qualitative(QualitativeProgress),
}

/// An indicator's light at `month` with full-year target `target`.
/// 正向: A = 0 red; A ≥ 120 % T blue; else A / (T × month/12) × 100 by the
/// thresholds (T = 1200, month 6: 300 red, 500 green, 800 green, 1500 blue).
/// 反向: A ≤ T green, else red. 定性: 达成 green, 部分达成 yellow, 未达成 red.
pub fn indicator_light(
    comparator: Comparator,
    direction: Direction,
    target: Option<Decimal>,
    progress: &Progress,
    month: u32,
    rules: &LightRules,
) -> Light {
    match progress {
        Progress::Qualitative(q) => match q {
            QualitativeProgress::Achieved => Light::Green,
            QualitativeProgress::Partial => Light::Yellow,
            QualitativeProgress::NotAchieved => Light::Red,
        },
        Progress::Actual(actual) => {
            let target = target.unwrap_or(Decimal::ZERO);
            let negative = direction == Direction::Negative || comparator == Comparator::AtMost;
            if negative {
                return if *actual <= target { Light::Green } else { Light::Red };
            }
            if actual.is_zero() || actual.is_sign_negative() {
                return Light::Red;
            }
            if *actual * Decimal::ONE_HUNDRED >= target * rules.blue_at_percent {
                return Light::Blue;
            }
            let expected = target * time_progress(month) / Decimal::ONE_HUNDRED;
            if expected <= Decimal::ZERO {
                return Light::Green;
            }
            rules.by_value((*actual * Decimal::ONE_HUNDRED / expected).round_dp(1))
        }
    }
}

/// Target completion in per cent of the full-year target (capped at 100), for
/// the fixed-floor rule's gap check.
pub fn completion_rate(actual: Decimal, target: Decimal) -> Decimal {
    if target <= Decimal::ZERO {
        return Decimal::ONE_HUNDRED;
    }
    (actual * Decimal::ONE_HUNDRED / target).min(Decimal::ONE_HUNDRED).round_dp(2)
}

/// Fixed-floor rule: |目标完成率 − 预算执行率| > gap is a warning.
pub fn gap_warning(completion: Decimal, execution: Decimal, rules: &LightRules) -> bool {
    rules.execution == ExecutionRuleKind::FixedFloors && (completion - execution).abs() > rules.gap_points
}

/// A unit's report of one indicator must say why when completion is in doubt.
pub fn check_indicator_report(
    likelihood: Likelihood,
    forecast: Option<Decimal>,
    reasons: &[DeviationReason],
    measures: &str,
) -> Result<(), String> {
    if likelihood != Likelihood::Certain && forecast.is_none() {
        return Err("完成可能性不是“确定能”时，须填写全年预计完成值".into());
    }
    if likelihood != Likelihood::Certain && reasons.is_empty() {
        return Err("完成可能性不是“确定能”时，须选择偏差原因".into());
    }
    if likelihood == Likelihood::Impossible && measures.trim().is_empty() {
        return Err("“完全不可能”完成的指标须填写纠偏措施".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn execution_lights_match_the_worked_examples() {
        let rules = LightRules::default();
        for (rate, value, light) in [
            ("40", "53.3", Light::Red),
            ("45", "60.0", Light::Yellow),
            ("59.9", "79.9", Light::Yellow),
            ("60", "80.0", Light::Green),
        ] {
            assert_eq!(execution_value(d(rate), 9), d(value), "{rate}");
            assert_eq!(execution_light(d(rate), 9, &rules), light, "{rate}");
        }
    }

    #[test]
    fn month_boundaries_of_the_ratio_rule() {
        let rules = LightRules::default();
        // Month 1: 序时进度 8.33 %; month 12: 100 %.
        assert_eq!(execution_light(d("6.67"), 1, &rules), Light::Green);
        assert_eq!(execution_light(d("6.66"), 1, &rules), Light::Yellow);
        assert_eq!(execution_light(d("80"), 12, &rules), Light::Green);
        assert_eq!(execution_light(d("79.9"), 12, &rules), Light::Yellow);
        assert_eq!(execution_light(d("0"), 12, &rules), Light::Red);
        // Months outside 1–12 are clamped, never divide by zero.
        assert_eq!(time_progress(0), time_progress(1));
        assert_eq!(time_progress(13), Decimal::ONE_HUNDRED);
    }

    #[test]
    fn fixed_floors_by_checkpoint() {
        let rules = LightRules::sichuan();
        let cases = [
            (3, "0", Light::Green),
            (4, "24.99", Light::Red),
            (4, "25", Light::Green),
            (6, "39", Light::Red),
            (9, "59", Light::Red),
            (9, "60", Light::Green),
            (10, "79", Light::Red),
            (12, "80", Light::Green),
        ];
        for (month, rate, light) in cases {
            assert_eq!(execution_light(d(rate), month, &rules), light, "month {month} rate {rate}");
        }
        assert!(gap_warning(d("75"), d("60"), &rules));
        assert!(!gap_warning(d("70"), d("60"), &rules));
        assert!(!gap_warning(d("75"), d("60"), &LightRules::default()));
    }

    #[test]
    fn indicator_lights_match_the_worked_examples() {
        let rules = LightRules::default();
        let light = |a: &str| {
            indicator_light(
                Comparator::AtLeast,
                Direction::Positive,
                Some(d("1200")),
                &Progress::Actual(d(a)),
                6,
                &rules,
            )
        };
        assert_eq!(light("0"), Light::Red);
        assert_eq!(light("300"), Light::Red);
        assert_eq!(light("500"), Light::Green);
        assert_eq!(light("800"), Light::Green);
        assert_eq!(light("1500"), Light::Blue);
        assert_eq!(light("1440"), Light::Blue);
        assert_eq!(light("420"), Light::Yellow);
    }

    #[test]
    fn reverse_zero_and_qualitative_indicators() {
        let rules = LightRules::default();
        let neg = |t: &str, a: &str| {
            indicator_light(Comparator::AtMost, Direction::Negative, Some(d(t)), &Progress::Actual(d(a)), 6, &rules)
        };
        assert_eq!(neg("10", "10"), Light::Green);
        assert_eq!(neg("10", "10.01"), Light::Red);
        assert_eq!(neg("0", "0"), Light::Green);
        // A zero target: nothing done is red, anything done is beyond it.
        let pos = |a: &str| {
            indicator_light(
                Comparator::AtLeast,
                Direction::Positive,
                Some(Decimal::ZERO),
                &Progress::Actual(d(a)),
                6,
                &rules,
            )
        };
        assert_eq!(pos("0"), Light::Red);
        assert_eq!(pos("1"), Light::Blue);
        for (q, l) in [
            (QualitativeProgress::Achieved, Light::Green),
            (QualitativeProgress::Partial, Light::Yellow),
            (QualitativeProgress::NotAchieved, Light::Red),
        ] {
            assert_eq!(
                indicator_light(
                    Comparator::Qualitative,
                    Direction::Positive,
                    None,
                    &Progress::Qualitative(q),
                    9,
                    &rules
                ),
                l
            );
        }
    }

    #[test]
    fn a_project_takes_its_worst_light() {
        assert_eq!(worst([Light::Blue, Light::Green, Light::Yellow]), Some(Light::Yellow));
        assert_eq!(worst([Light::Green, Light::Red, Light::Blue]), Some(Light::Red));
        assert_eq!(worst([]), None);
    }

    #[test]
    fn reports_in_doubt_must_say_why() {
        assert!(check_indicator_report(Likelihood::Certain, None, &[], "").is_ok());
        assert!(check_indicator_report(Likelihood::Possible, None, &[DeviationReason::Funding], "").is_err());
        assert!(check_indicator_report(Likelihood::Possible, Some(d("900")), &[], "").is_err());
        assert!(check_indicator_report(Likelihood::Possible, Some(d("900")), &[DeviationReason::Funding], "").is_ok());
        assert!(check_indicator_report(Likelihood::Impossible, Some(d("0")), &[DeviationReason::Other], " ").is_err());
    }

    #[test]
    fn execution_rate_guards_a_zero_budget() {
        assert_eq!(execution_rate(d("45"), d("100")), d("45"));
        assert_eq!(execution_rate(d("1"), d("0")), Decimal::ZERO);
        assert_eq!(execution_rate(d("1"), d("3")), d("33.33"));
        // Always two places, whatever the inputs' scale: "45.00", never "45".
        assert_eq!(execution_rate(d("45000"), d("100000")).to_string(), "45.00");
    }
}

domain_enum! {
    /// What the 绩效股 decides for a project after monitoring.
    DecisionKind {
        Continue => ("continue", "继续执行"),
        Reduce => ("reduce", "调减预算"),
        Recover => ("recover", "收回资金"),
        Pause => ("pause", "暂缓拨款"),
    }
}

impl DecisionKind {
    /// The ledger entry a decision writes, if it moves money.
    pub fn ledger_kind(self) -> Option<crate::ledger::LedgerKind> {
        match self {
            DecisionKind::Continue => None,
            DecisionKind::Reduce => Some(crate::ledger::LedgerKind::Reduce),
            DecisionKind::Recover => Some(crate::ledger::LedgerKind::Recover),
            DecisionKind::Pause => Some(crate::ledger::LedgerKind::Defer),
        }
    }

    /// Money decisions need an amount; 继续执行 takes none.
    pub fn needs_amount(self) -> bool {
        self != DecisionKind::Continue
    }
}

domain_enum! {
    /// A background import's progress.
    JobStatus {
        Running => ("running", "导入中"),
        Succeeded => ("succeeded", "导入成功"),
        Failed => ("failed", "导入失败"),
    }
}
