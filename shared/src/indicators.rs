//! The indicator framework (RULES.md §3.2): 一级/二级 levels, comparators,
//! directions, and where an indicator comes from.

use crate::domain_enum;

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
}
