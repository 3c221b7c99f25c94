//! The indicator framework (RULES.md §3.2): 一级/二级 levels, comparators,
//! directions, and where an indicator comes from.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain_enum;
use crate::targets::{TargetIndicator, validate_indicator};

domain_enum! {
    /// 一级指标.
    Level1 {
        Output => ("output", "产出指标"),
        Benefit => ("benefit", "效益指标"),
        Satisfaction => ("satisfaction", "满意度指标"),
        Cost => ("cost", "成本指标"),
    }
}

domain_enum! {
    /// 二级指标; each belongs to one 一级.
    Level2 {
        Quantity => ("quantity", "数量指标"),
        Quality => ("quality", "质量指标"),
        Timeliness => ("timeliness", "时效指标"),
        OutputCost => ("output_cost", "成本指标"),
        Economic => ("economic", "经济效益指标"),
        Social => ("social", "社会效益指标"),
        Ecological => ("ecological", "生态效益指标"),
        Sustainable => ("sustainable", "可持续影响指标"),
        ServiceSatisfaction => ("service_satisfaction", "服务对象满意度指标"),
        EconomicCost => ("economic_cost", "经济成本指标"),
        SocialCost => ("social_cost", "社会成本指标"),
        EcologicalCost => ("ecological_cost", "生态环境成本指标"),
    }
}

impl Level2 {
    pub fn level1(self) -> Level1 {
        match self {
            Level2::Quantity | Level2::Quality | Level2::Timeliness | Level2::OutputCost => Level1::Output,
            Level2::Economic | Level2::Social | Level2::Ecological | Level2::Sustainable => Level1::Benefit,
            Level2::ServiceSatisfaction => Level1::Satisfaction,
            Level2::EconomicCost | Level2::SocialCost | Level2::EcologicalCost => Level1::Cost,
        }
    }
}

domain_enum! {
    /// 指标性质.
    Comparator {
        AtLeast => (">=", "≥"),
        AtMost => ("<=", "≤"),
        Equal => ("=", "="),
        Qualitative => ("qualitative", "定性"),
        Other => ("other", "定量（其他）"),
    }
}

impl Comparator {
    /// Quantitative comparators need a unit of measure.
    pub fn is_quantitative(self) -> bool {
        self != Comparator::Qualitative
    }

    /// `>=`, `<=` and `=` compare numbers: their target value must be one.
    pub fn is_numeric(self) -> bool {
        matches!(self, Comparator::AtLeast | Comparator::AtMost | Comparator::Equal)
    }
}

domain_enum! {
    /// 正向 (more is better) or 反向 (less is better).
    Direction {
        Positive => ("positive", "正向"),
        Negative => ("negative", "反向"),
    }
}

domain_enum! {
    /// Where an indicator comes from.
    IndicatorSource {
        Library => ("library", "指标库（共性）"),
        Characteristic => ("characteristic", "特性指标"),
    }
}

domain_enum! {
    /// A library entry's status: units propose, the 绩效股 accepts (入库) or refuses.
    LibraryStatus {
        Active => ("active", "已入库"),
        Proposed => ("proposed", "待审核"),
        Refused => ("refused", "未入库"),
    }
}

domain_enum! {
    /// Fields (领域) the library is organised by.
    Field {
        Education => ("education", "教育"),
        Health => ("health", "卫生健康"),
        Agriculture => ("agriculture", "农业农村"),
        Infrastructure => ("infrastructure", "基础设施建设"),
        SocialSecurity => ("social_security", "社会保障"),
        Training => ("training", "培训"),
        Procurement => ("procurement", "政府采购"),
        Administration => ("administration", "一般行政"),
        Environment => ("environment", "生态环境"),
        Culture => ("culture", "文化旅游"),
    }
}

/// Longest unit of measure (计量单位) a library entry may carry.
pub const UNIT_MAX: usize = 20;

/// One 三级 indicator of the library (指标库), as the 绩效股 creates it, a unit
/// proposes it, or a spreadsheet row gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryEntry {
    pub level2: Level2,
    pub field: Field,
    pub name: String,
    pub comparator: Comparator,
    pub unit: String,
    /// 参考值: the value units usually aim for; they set their own target.
    pub reference_value: String,
    pub scoring_standard: String,
    pub direction: Direction,
}

impl LibraryEntry {
    /// The same entry with surrounding blanks removed from every text.
    pub fn trimmed(mut self) -> Self {
        for text in [&mut self.name, &mut self.unit, &mut self.reference_value, &mut self.scoring_standard] {
            *text = text.trim().to_owned();
        }
        self
    }
}

/// The checks of a library entry, as (input field, message) pairs: the checks
/// of a target's indicator ([`validate_indicator`]: name, reference value as
/// the target value, unit, lengths), plus the unit's length. For `定量（其他）`
/// the scoring standard is what explains the value.
pub fn validate_library_entry(entry: &LibraryEntry) -> Vec<(&'static str, String)> {
    let as_target = TargetIndicator {
        level2: entry.level2,
        name: entry.name.clone(),
        comparator: entry.comparator,
        target_value: entry.reference_value.clone(),
        unit: entry.unit.clone(),
        weight: Decimal::ONE,
        direction: entry.direction,
        scoring_standard: entry.scoring_standard.clone(),
        explanation: entry.scoring_standard.clone(),
        source: IndicatorSource::Library,
        library_id: None,
    };
    let mut out: Vec<(&'static str, String)> = validate_indicator(&as_target)
        .into_iter()
        .map(|(field, message)| match field {
            "targetValue" => ("referenceValue", message.replace("指标值", "参考值")),
            "explanation" => ("scoringStandard", "“定量（其他）”指标须在评分标准中说明参考值的含义".to_owned()),
            other => (other, message),
        })
        .collect();
    out.dedup_by(|a, b| a.0 == b.0);
    if entry.unit.trim().chars().count() > UNIT_MAX {
        out.push(("unit", format!("计量单位不超过 {UNIT_MAX} 个字符")));
    }
    out
}

/// The columns of the library spreadsheet (export, import template), in order.
pub const SHEET_HEADERS: [&str; 9] =
    ["一级指标", "二级指标", "领域", "指标名称", "指标性质", "计量单位", "参考值", "评分标准", "指标方向"];

/// The sheet's name in the workbook.
pub const SHEET_NAME: &str = "指标库";

/// A library entry as one spreadsheet row, in [`SHEET_HEADERS`] order.
pub fn to_sheet_row(entry: &LibraryEntry) -> [String; 9] {
    [
        entry.level2.level1().label().to_owned(),
        entry.level2.label().to_owned(),
        entry.field.label().to_owned(),
        entry.name.clone(),
        entry.comparator.label().to_owned(),
        entry.unit.clone(),
        entry.reference_value.clone(),
        entry.scoring_standard.clone(),
        entry.direction.label().to_owned(),
    ]
}

/// One problem of a spreadsheet row: the column's header and why.
pub type CellError = (&'static str, String);

/// Reads one spreadsheet row (cells in [`SHEET_HEADERS`] order) into an entry,
/// or every problem the row has. Labels are the Chinese terms of the export;
/// the stored codes (`>=`) and 二级 names without the trailing 指标 are accepted too.
pub fn from_sheet_row(cells: &[String; 9]) -> Result<LibraryEntry, Vec<CellError>> {
    let [l1, l2, field, name, comparator, unit, reference, scoring, direction] = cells.each_ref().map(|c| c.trim());
    let mut errors: Vec<CellError> = Vec::new();
    let mut unknown = |column: &'static str, value: &str| {
        let message = if value.is_empty() {
            format!("请填写{column}")
        } else {
            format!("无法识别的{column}“{value}”")
        };
        errors.push((column, message));
    };
    let level1 = Level1::ALL.iter().copied().find(|l| l.label() == l1 || l.as_str() == l1);
    if level1.is_none() {
        unknown(SHEET_HEADERS[0], l1);
    }
    let bare = |s: &str| s.strip_suffix("指标").unwrap_or(s).to_owned();
    let level2 = Level2::ALL.iter().copied().find(|l| bare(l.label()) == bare(l2) || l.as_str() == l2);
    if level2.is_none() {
        unknown(SHEET_HEADERS[1], l2);
    }
    let field_value = Field::ALL.iter().copied().find(|f| f.label() == field || f.as_str() == field);
    if field_value.is_none() {
        unknown(SHEET_HEADERS[2], field);
    }
    let half_width = |s: &str| s.replace('(', "（").replace(')', "）");
    let comparator_value =
        Comparator::ALL.iter().copied().find(|c| c.label() == half_width(comparator) || c.as_str() == comparator);
    if comparator_value.is_none() {
        unknown(SHEET_HEADERS[4], comparator);
    }
    let direction_value = Direction::ALL.iter().copied().find(|d| d.label() == direction || d.as_str() == direction);
    if direction_value.is_none() {
        unknown(SHEET_HEADERS[8], direction);
    }
    if let (Some(l1), Some(l2)) = (level1, level2)
        && l2.level1() != l1
    {
        errors.push((SHEET_HEADERS[0], format!("{}属于{}，不属于{}", l2.label(), l2.level1().label(), l1.label())));
    }
    let (Some(level2), Some(field), Some(comparator), Some(direction)) =
        (level2, field_value, comparator_value, direction_value)
    else {
        // The value checks still run with stand-ins, so one pass reports everything.
        let stand_in = LibraryEntry {
            level2: Level2::Quantity,
            field: Field::Administration,
            name: name.to_owned(),
            comparator: comparator_value.unwrap_or(Comparator::Qualitative),
            unit: unit.to_owned(),
            reference_value: reference.to_owned(),
            scoring_standard: scoring.to_owned(),
            direction: Direction::Positive,
        };
        errors.extend(validate_library_entry(&stand_in).into_iter().map(|(f, m)| (column_of(f), m)));
        return Err(errors);
    };
    let entry = LibraryEntry {
        level2,
        field,
        name: name.to_owned(),
        comparator,
        unit: unit.to_owned(),
        reference_value: reference.to_owned(),
        scoring_standard: scoring.to_owned(),
        direction,
    };
    errors.extend(validate_library_entry(&entry).into_iter().map(|(f, m)| (column_of(f), m)));
    if errors.is_empty() { Ok(entry) } else { Err(errors) }
}

/// The spreadsheet column of an input field of [`validate_library_entry`].
pub fn column_of(field: &str) -> &'static str {
    match field {
        "level2" => SHEET_HEADERS[1],
        "field" => SHEET_HEADERS[2],
        "name" => SHEET_HEADERS[3],
        "comparator" => SHEET_HEADERS[4],
        "unit" => SHEET_HEADERS[5],
        "referenceValue" => SHEET_HEADERS[6],
        "scoringStandard" => SHEET_HEADERS[7],
        "direction" => SHEET_HEADERS[8],
        _ => SHEET_HEADERS[0],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_second_level_has_its_first_level() {
        assert_eq!(Level2::Quantity.level1(), Level1::Output);
        assert_eq!(Level2::OutputCost.level1(), Level1::Output);
        assert_eq!(Level2::Sustainable.level1(), Level1::Benefit);
        assert_eq!(Level2::ServiceSatisfaction.level1(), Level1::Satisfaction);
        assert_eq!(Level2::EcologicalCost.level1(), Level1::Cost);
        assert_eq!(Level2::ALL.len(), 12);
    }

    #[test]
    fn comparators_know_what_they_compare() {
        assert!(Comparator::AtLeast.is_numeric() && Comparator::AtLeast.is_quantitative());
        assert!(!Comparator::Other.is_numeric() && Comparator::Other.is_quantitative());
        assert!(!Comparator::Qualitative.is_quantitative());
        assert_eq!(Comparator::parse(">="), Some(Comparator::AtLeast));
    }

    fn entry() -> LibraryEntry {
        LibraryEntry {
            level2: Level2::Quantity,
            field: Field::Education,
            name: "受益学生人数".into(),
            comparator: Comparator::AtLeast,
            unit: "人".into(),
            reference_value: "5000".into(),
            scoring_standard: "完成值达到参考值得满分，未达到的按比例计分".into(),
            direction: Direction::Positive,
        }
    }

    #[test]
    fn a_library_entry_is_checked_like_a_target_indicator() {
        assert!(validate_library_entry(&entry()).is_empty());
        let fields = |e: LibraryEntry| validate_library_entry(&e).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(fields(LibraryEntry { name: " ".into(), ..entry() }), vec!["name"]);
        assert_eq!(fields(LibraryEntry { name: "名".repeat(101), ..entry() }), vec!["name"]);
        assert_eq!(fields(LibraryEntry { reference_value: "10-20".into(), ..entry() }), vec!["referenceValue"]);
        assert_eq!(fields(LibraryEntry { reference_value: "*".into(), ..entry() }), vec!["referenceValue"]);
        assert_eq!(fields(LibraryEntry { unit: "".into(), ..entry() }), vec!["unit"]);
        assert_eq!(fields(LibraryEntry { unit: "单".repeat(21), ..entry() }), vec!["unit"]);
        let other = LibraryEntry { comparator: Comparator::Other, scoring_standard: String::new(), ..entry() };
        assert_eq!(fields(other), vec!["scoringStandard"]);
        let qualitative = LibraryEntry {
            comparator: Comparator::Qualitative,
            unit: String::new(),
            reference_value: "明显改善".into(),
            ..entry()
        };
        assert!(validate_library_entry(&qualitative).is_empty());
        let (_, message) = &validate_library_entry(&LibraryEntry { reference_value: "a_b".into(), ..entry() })[0];
        assert!(message.contains("参考值"), "{message}");
    }

    #[test]
    fn a_sheet_row_round_trips_and_accepts_codes_and_short_labels() {
        let row = to_sheet_row(&entry());
        assert_eq!(row[0], "产出指标");
        assert_eq!(row[4], "≥");
        assert_eq!(from_sheet_row(&row), Ok(entry()));
        let mut loose = row.clone();
        loose[1] = "数量".into();
        loose[4] = ">=".into();
        assert_eq!(from_sheet_row(&loose), Ok(entry()));
        let mut other = row;
        other[4] = "定量(其他)".into();
        assert_eq!(from_sheet_row(&other).map(|e| e.comparator), Ok(Comparator::Other));
    }

    #[test]
    fn a_bad_sheet_row_reports_every_problem_by_column() {
        let row: [String; 9] =
            ["产出指标", "经济效益指标", "教育", "", "大约", "人", "1-2", "", "正向"].map(String::from);
        let errors = from_sheet_row(&row).unwrap_err();
        let columns: Vec<_> = errors.iter().map(|(c, _)| *c).collect();
        assert_eq!(columns, vec!["指标性质", "一级指标", "指标名称", "参考值"], "{errors:?}");
        assert!(errors[1].1.contains("效益指标"), "{errors:?}");
        let mut no_unit = to_sheet_row(&entry());
        no_unit[5] = String::new();
        no_unit[2] = "宇宙".into();
        let errors = from_sheet_row(&no_unit).unwrap_err();
        assert_eq!(errors.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec!["领域", "计量单位"]);
    }
}
