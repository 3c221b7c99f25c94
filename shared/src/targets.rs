//! Performance targets (绩效目标): an overall goal and indicators, the
//! save-time checks of RULES.md §3.2, and what changed between revisions.
//! The browser runs these checks live; the backend runs them authoritatively.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::indicators::{Comparator, Direction, IndicatorSource, Level1, Level2};
use crate::limits::{self, NumberKind};
use crate::text;

/// The configurable numbers of the target rules [practice].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetRules {
    /// Indicator weights must sum to this (90: the other 10 is budget execution).
    pub weight_total: Decimal,
}

impl Default for TargetRules {
    fn default() -> Self {
        TargetRules { weight_total: Decimal::from(90) }
    }
}

pub const NAME_MAX: usize = 100;
pub const GOAL_MAX: usize = 2000;
pub const TEXT_MAX: usize = 500;

// Stored (as JSON), checked, shown by the frontend and, with the `graphql`
// feature, the API's `TargetIndicator` output type. The API's
// `TargetIndicatorInput` takes the weight as typed text and the library entry
// as an `ID`; the backend turns it into this type.
/// One 三级 indicator of a target, as the unit fills it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "graphql", derive(async_graphql::SimpleObject), graphql(complex))]
#[serde(rename_all = "camelCase")]
pub struct TargetIndicator {
    pub level2: Level2,
    pub name: String,
    pub comparator: Comparator,
    pub target_value: String,
    pub unit: String,
    /// A decimal string in the API (see the `weight` resolver).
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub weight: Decimal,
    pub direction: Direction,
    pub scoring_standard: String,
    /// Required for `定量（其他）`.
    pub explanation: String,
    pub source: IndicatorSource,
    /// The library entry it was picked from: a number where it is stored, an
    /// `ID` (a string) in the API; both read back.
    #[cfg_attr(feature = "graphql", graphql(skip))]
    #[serde(default, deserialize_with = "number_or_id")]
    pub library_id: Option<i64>,
}

/// The API's fields that are not plain copies of the domain's.
#[cfg(feature = "graphql")]
#[async_graphql::ComplexObject]
impl TargetIndicator {
    async fn level1(&self) -> Level1 {
        self.level2.level1()
    }

    /// Decimal string.
    async fn weight(&self) -> String {
        self.weight.normalize().to_string()
    }

    async fn library_id(&self) -> Option<async_graphql::ID> {
        self.library_id.map(async_graphql::ID::from)
    }
}

/// Reads an id stored as a JSON number or sent as a GraphQL `ID` string.
fn number_or_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(i64),
        Text(String),
    }
    match Option::<Raw>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Raw::Number(id)) => Ok(Some(id)),
        Some(Raw::Text(text)) => text.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// A target as saved: the overall goal and the indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TargetDraft {
    pub overall_goal: String,
    pub indicators: Vec<TargetIndicator>,
}

/// One failed check: which indicator (if any), which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetIssue {
    pub indicator: Option<usize>,
    pub field: &'static str,
    pub message: String,
}

fn issue(indicator: Option<usize>, field: &'static str, message: impl Into<String>) -> TargetIssue {
    TargetIssue { indicator, field, message: message.into() }
}

/// Every save-time check; an empty list means the target may be submitted.
pub fn validate_target(draft: &TargetDraft, rules: &TargetRules) -> Vec<TargetIssue> {
    let mut issues = Vec::new();
    let goal = draft.overall_goal.trim();
    if goal.is_empty() {
        issues.push(issue(None, "overallGoal", "请填写总体目标"));
    } else if goal.chars().count() > GOAL_MAX {
        issues.push(issue(None, "overallGoal", format!("总体目标不超过 {GOAL_MAX} 个字符")));
    }
    if draft.indicators.is_empty() {
        issues.push(issue(None, "indicators", "请至少设置一个绩效指标"));
    }
    for (i, ind) in draft.indicators.iter().enumerate() {
        issues.extend(validate_indicator(ind).into_iter().map(|(field, message)| issue(Some(i), field, message)));
    }
    let has = |l1: Level1| draft.indicators.iter().any(|i| i.level2.level1() == l1);
    if !draft.indicators.is_empty() && !has(Level1::Output) {
        issues.push(issue(None, "indicators", "至少需要一个产出指标"));
    }
    if !draft.indicators.is_empty() && !has(Level1::Benefit) {
        issues.push(issue(None, "indicators", "至少需要一个效益指标"));
    }
    let total: Decimal = draft.indicators.iter().map(|i| i.weight).sum();
    if !draft.indicators.is_empty() && total != rules.weight_total {
        issues.push(issue(
            None,
            "weights",
            format!("指标权重合计应为 {}，当前为 {}", rules.weight_total.normalize(), total.normalize()),
        ));
    }
    let mut names: Vec<&str> = draft.indicators.iter().map(|i| i.name.trim()).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| !w[0].is_empty() && w[0] == w[1]) {
        issues.push(issue(None, "indicators", "指标名称不能重复"));
    }
    issues
}

/// The checks of one indicator: (field, message) pairs.
pub fn validate_indicator(ind: &TargetIndicator) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Err(e) = text::check_name(&ind.name, NAME_MAX) {
        out.push(("name", e.message("指标名称")));
    }
    let value = ind.target_value.trim();
    if let Err(e) = text::check_line(value, TEXT_MAX) {
        out.push(("targetValue", e.message("指标值")));
    } else if value.is_empty() {
        out.push(("targetValue", "请填写指标值".into()));
    } else if value.contains(['*', '_', '-']) {
        out.push(("targetValue", "指标值不能包含 * _ - 等符号".into()));
    } else if ind.comparator.is_numeric() && value.parse::<Decimal>().is_err() {
        out.push(("targetValue", format!("“{}”类指标的指标值须为数字", ind.comparator.label())));
    } else if value.chars().count() > TEXT_MAX {
        out.push(("targetValue", format!("指标值不超过 {TEXT_MAX} 个字符")));
    }
    if let Err(e) = text::check_line(&ind.unit, TEXT_MAX) {
        out.push(("unit", e.message("计量单位")));
    } else if ind.comparator.is_quantitative() && ind.unit.trim().is_empty() {
        out.push(("unit", "定量指标须填写计量单位".into()));
    }
    if ind.comparator == Comparator::Other && ind.explanation.trim().is_empty() {
        out.push(("explanation", "“定量（其他）”指标须说明指标值的含义".into()));
    }
    if ind.weight <= Decimal::ZERO || ind.weight > Decimal::ONE_HUNDRED || ind.weight.normalize().scale() > 2 {
        out.push(("weight", "权重须大于 0、不超过 100，最多两位小数".into()));
    }
    if let Err(e) = text::check_multiline(&ind.scoring_standard, TEXT_MAX) {
        out.push(("scoringStandard", e.message("评分标准")));
    }
    if let Err(e) = text::check_multiline(&ind.explanation, TEXT_MAX) {
        out.push(("explanation", e.message("说明")));
    }
    out
}

/// The checks a draft must pass to be stored at all (saving refuses them;
/// the other rules come back as issues): texts without control characters,
/// within their lengths, and weights in their documented range.
pub fn check_draft_input(draft: &TargetDraft) -> Result<(), TargetIssue> {
    if let Err(e) = text::check_multiline(&draft.overall_goal, GOAL_MAX) {
        return Err(issue(None, "overallGoal", e.message("总体目标")));
    }
    for (i, ind) in draft.indicators.iter().enumerate() {
        let texts = [
            ("name", "指标名称", text::check_line(&ind.name, NAME_MAX)),
            ("targetValue", "指标值", text::check_line(&ind.target_value, TEXT_MAX)),
            ("unit", "计量单位", text::check_line(&ind.unit, TEXT_MAX)),
            ("scoringStandard", "评分标准", text::check_multiline(&ind.scoring_standard, TEXT_MAX)),
            ("explanation", "说明", text::check_multiline(&ind.explanation, TEXT_MAX)),
        ];
        for (field, label, checked) in texts {
            if let Err(e) = checked {
                return Err(issue(Some(i), field, e.message(label)));
            }
        }
        // A weight of 0 is one still to be set (reported as an issue, saved).
        if let Err(e) = limits::check(NumberKind::Weight, ind.weight)
            .or_else(|e| ind.weight.is_zero().then_some(ind.weight).ok_or(e))
        {
            return Err(issue(Some(i), "weight", e.to_string()));
        }
    }
    Ok(())
}

/// Share of quantitative indicators that carry a unit, in per cent with two
/// places ("指标明晰、目标值量化").
pub fn quantified_share(indicators: &[TargetIndicator]) -> Decimal {
    if indicators.is_empty() {
        return Decimal::ZERO;
    }
    let quantified = indicators.iter().filter(|i| i.comparator.is_quantitative() && !i.unit.trim().is_empty()).count();
    (Decimal::from(quantified) * Decimal::ONE_HUNDRED / Decimal::from(indicators.len())).round_dp(2)
}

/// What changed from one revision to the next, matched by indicator name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    GoalChanged {
        before: String,
        after: String,
    },
    Added {
        name: String,
    },
    Removed {
        name: String,
    },
    /// `field` is the changed field's Chinese label.
    Modified {
        name: String,
        field: String,
        before: String,
        after: String,
    },
}

pub fn diff(before: &TargetDraft, after: &TargetDraft) -> Vec<Change> {
    let mut changes = Vec::new();
    if before.overall_goal.trim() != after.overall_goal.trim() {
        changes.push(Change::GoalChanged { before: before.overall_goal.clone(), after: after.overall_goal.clone() });
    }
    for old in &before.indicators {
        match after.indicators.iter().find(|n| n.name.trim() == old.name.trim()) {
            None => changes.push(Change::Removed { name: old.name.clone() }),
            Some(new) => {
                let fields: [(&str, String, String); 7] = [
                    ("二级指标", old.level2.label().into(), new.level2.label().into()),
                    ("指标性质", old.comparator.label().into(), new.comparator.label().into()),
                    ("指标值", old.target_value.clone(), new.target_value.clone()),
                    ("计量单位", old.unit.clone(), new.unit.clone()),
                    ("权重", old.weight.normalize().to_string(), new.weight.normalize().to_string()),
                    ("指标方向", old.direction.label().into(), new.direction.label().into()),
                    ("评分标准", old.scoring_standard.clone(), new.scoring_standard.clone()),
                ];
                for (field, b, a) in fields {
                    if b != a {
                        changes.push(Change::Modified {
                            name: new.name.clone(),
                            field: field.into(),
                            before: b,
                            after: a,
                        });
                    }
                }
            }
        }
    }
    for new in &after.indicators {
        if !before.indicators.iter().any(|o| o.name.trim() == new.name.trim()) {
            changes.push(Change::Added { name: new.name.clone() });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indicator_reads_the_same_from_the_database_and_from_the_api() {
        let stored = r#"{"level2":"QUANTITY","name":"培训人次","comparator":"AT_LEAST","targetValue":"300",
            "unit":"人次","weight":"12.5","direction":"POSITIVE","scoringStandard":"按比例","explanation":"",
            "source":"LIBRARY","libraryId":7}"#;
        // The API adds `level1` and sends the library entry as an `ID` string.
        let from_api = r#"{"level1":"OUTPUT","level2":"QUANTITY","name":"培训人次","comparator":"AT_LEAST",
            "targetValue":"300","unit":"人次","weight":"12.5","direction":"POSITIVE","scoringStandard":"按比例",
            "explanation":"","source":"LIBRARY","libraryId":"7"}"#;
        let stored: TargetIndicator = serde_json::from_str(stored).unwrap();
        let from_api: TargetIndicator = serde_json::from_str(from_api).unwrap();
        assert_eq!(stored, from_api);
        assert_eq!(stored.library_id, Some(7));
        assert_eq!(stored.weight, Decimal::new(125, 1));
        // Written back as stored: a number.
        assert!(serde_json::to_string(&stored).unwrap().contains(r#""libraryId":7"#));
        let no_entry = r#"{"level2":"QUANTITY","name":"a","comparator":"AT_LEAST","targetValue":"1","unit":"",
            "weight":"1","direction":"POSITIVE","scoringStandard":"","explanation":"","source":"CHARACTERISTIC"}"#;
        assert_eq!(serde_json::from_str::<TargetIndicator>(no_entry).unwrap().library_id, None);
    }

    pub fn indicator(
        level2: Level2,
        name: &str,
        comparator: Comparator,
        value: &str,
        unit: &str,
        weight: i64,
    ) -> TargetIndicator {
        TargetIndicator {
            level2,
            name: name.into(),
            comparator,
            target_value: value.into(),
            unit: unit.into(),
            weight: Decimal::from(weight),
            direction: Direction::Positive,
            scoring_standard: "完成得满分，未完成按比例扣分".into(),
            explanation: String::new(),
            source: IndicatorSource::Library,
            library_id: None,
        }
    }

    fn good() -> TargetDraft {
        TargetDraft {
            overall_goal: "保障全县义务教育学生营养餐供应".into(),
            indicators: vec![
                indicator(Level2::Quantity, "受益学生人数", Comparator::AtLeast, "12000", "人", 30),
                indicator(Level2::Timeliness, "资金拨付及时率", Comparator::AtLeast, "100", "%", 20),
                indicator(Level2::Social, "学生营养状况改善", Comparator::Qualitative, "明显改善", "", 30),
                indicator(Level2::ServiceSatisfaction, "家长满意度", Comparator::AtLeast, "90", "%", 10),
            ],
        }
    }

    #[test]
    fn a_complete_target_passes() {
        assert_eq!(validate_target(&good(), &TargetRules::default()), vec![]);
        assert_eq!(check_draft_input(&good()), Ok(()));
    }

    #[test]
    fn control_characters_and_unbounded_weights_are_refused_at_input() {
        let refused = |edit: fn(&mut TargetDraft)| {
            let mut t = good();
            edit(&mut t);
            check_draft_input(&t).map_err(|i| (i.indicator, i.field))
        };
        assert_eq!(refused(|t| t.overall_goal.push('\0')), Err((None, "overallGoal")));
        assert_eq!(refused(|t| t.indicators[1].name.push('\u{7}')), Err((Some(1), "name")));
        assert_eq!(refused(|t| t.indicators[0].unit = "人\n".into()), Err((Some(0), "unit")));
        assert_eq!(refused(|t| t.indicators[2].weight = Decimal::MAX), Err((Some(2), "weight")));
        assert_eq!(refused(|t| t.indicators[2].weight = Decimal::new(-1, 0)), Err((Some(2), "weight")));
        assert_eq!(refused(|t| t.indicators[2].weight = Decimal::ZERO), Ok(()));
        assert_eq!(refused(|t| t.indicators[0].scoring_standard = "一\n二".into()), Ok(()));
        // A blank name is a rule issue (reported), not an input refusal.
        assert_eq!(refused(|t| t.indicators[0].name = "  ".into()), Ok(()));
        let mut t = good();
        t.indicators[0].name = "\u{3000}".into();
        let issues = validate_target(&t, &TargetRules::default());
        assert_eq!((issues[0].field, issues[0].message.as_str()), ("name", "指标名称不能为空"));
    }

    #[test]
    fn weights_must_sum_to_the_rule_sets_total() {
        let mut t = good();
        t.indicators[0].weight = Decimal::from(25);
        let issues = validate_target(&t, &TargetRules::default());
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].field, "weights");
        assert_eq!(issues[0].message, "指标权重合计应为 90，当前为 85");
        let rules = TargetRules { weight_total: Decimal::from(85) };
        assert!(validate_target(&t, &rules).is_empty());
    }

    #[test]
    fn output_and_benefit_indicators_are_both_required() {
        let mut t = good();
        t.indicators.retain(|i| i.level2.level1() != Level1::Benefit);
        t.indicators[0].weight = Decimal::from(60);
        let issues = validate_target(&t, &TargetRules::default());
        assert_eq!(issues.iter().map(|i| i.message.as_str()).collect::<Vec<_>>(), vec!["至少需要一个效益指标"]);
    }

    #[test]
    fn each_indicator_field_is_checked() {
        let cases = [
            (indicator(Level2::Quantity, "", Comparator::AtLeast, "1", "人", 10), "name"),
            (indicator(Level2::Quantity, "x", Comparator::AtLeast, "", "人", 10), "targetValue"),
            (indicator(Level2::Quantity, "x", Comparator::AtLeast, "10-20", "人", 10), "targetValue"),
            (indicator(Level2::Quantity, "x", Comparator::AtLeast, "约100", "人", 10), "targetValue"),
            (indicator(Level2::Quantity, "x", Comparator::AtLeast, "100", " ", 10), "unit"),
            (indicator(Level2::Quantity, "x", Comparator::Other, "按计划", "项", 10), "explanation"),
            (indicator(Level2::Quantity, "x", Comparator::AtLeast, "100", "人", 0), "weight"),
            (indicator(Level2::Quantity, &"名".repeat(101), Comparator::AtLeast, "100", "人", 10), "name"),
        ];
        for (ind, field) in cases {
            let got: Vec<_> = validate_indicator(&ind).into_iter().map(|(f, _)| f).collect();
            assert_eq!(got, vec![field], "{ind:?}");
        }
        assert!(
            validate_indicator(&indicator(Level2::Social, "x", Comparator::Qualitative, "明显提升", "", 10)).is_empty()
        );
    }

    #[test]
    fn duplicate_names_and_empty_targets_are_refused() {
        let mut t = good();
        t.indicators[1].name = t.indicators[0].name.clone();
        assert!(validate_target(&t, &TargetRules::default()).iter().any(|i| i.message == "指标名称不能重复"));
        let empty = TargetDraft::default();
        let fields: Vec<_> = validate_target(&empty, &TargetRules::default()).into_iter().map(|i| i.field).collect();
        assert_eq!(fields, vec!["overallGoal", "indicators"]);
    }

    #[test]
    fn the_quantified_share_counts_quantitative_indicators_with_a_unit() {
        assert_eq!(quantified_share(&good().indicators), Decimal::from(75));
        assert_eq!(quantified_share(&[]), Decimal::ZERO);
    }

    #[test]
    fn the_diff_names_what_changed() {
        let before = good();
        let mut after = good();
        after.overall_goal = "保障并改善营养餐供应".into();
        after.indicators[0].target_value = "12500".into();
        after.indicators.remove(1);
        after.indicators.push(indicator(Level2::Quality, "餐食抽检合格率", Comparator::AtLeast, "98", "%", 20));
        let changes = diff(&before, &after);
        assert_eq!(changes.len(), 4);
        assert!(matches!(&changes[0], Change::GoalChanged { .. }));
        assert_eq!(
            changes[1],
            Change::Modified {
                name: "受益学生人数".into(),
                field: "指标值".into(),
                before: "12000".into(),
                after: "12500".into()
            }
        );
        assert_eq!(changes[2], Change::Removed { name: "资金拨付及时率".into() });
        assert_eq!(changes[3], Change::Added { name: "餐食抽检合格率".into() });
    }
}
