use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The execution light of a rate (per cent) at `month`: executed `rate` of 100.
fn by_rate(rate: &str, month: u32, rules: &LightRules) -> Light {
    execution_light(d(rate), d("100"), month, rules)
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
        assert_eq!(execution_value(d(rate), d("100"), 9), d(value), "{rate}");
        assert_eq!(by_rate(rate, 9, &rules), light, "{rate}");
    }
}

#[test]
fn thresholds_compare_exact_values_not_rounded_ones() {
    let rules = LightRules::default();
    // Month 9: value = rate / 75 × 100. 44.97 % → 59.96 (shows "60.0"), still red.
    assert_eq!(execution_value(d("44.97"), d("100"), 9), d("60.0"));
    assert_eq!(by_rate("44.97", 9, &rules), Light::Red);
    // 59.97 % → 79.96 (shows "80.0"), still yellow.
    assert_eq!(by_rate("59.97", 9, &rules), Light::Yellow);
    // A rate that rounds to 45.00 % but is below it.
    assert_eq!(execution_light(d("44999"), d("100000"), 9, &rules), Light::Red);
    assert_eq!(execution_light(d("45000"), d("100000"), 9, &rules), Light::Yellow);
    // Month 7: 序时进度 58.333…; exactly 35 % is exactly 60, yellow.
    assert_eq!(by_rate("35", 7, &rules), Light::Yellow);
    assert_eq!(by_rate("34.9999", 7, &rules), Light::Red);
    // Indicators: T = 1200, month 6 → expected 600; 359.99 is 59.998 → red.
    let ind = |a: &str| {
        indicator_light(Comparator::AtLeast, Direction::Positive, Some(d("1200")), &Progress::Actual(d(a)), 6, &rules)
    };
    assert_eq!(ind("359.99"), Light::Red);
    assert_eq!(ind("360"), Light::Yellow);
    assert_eq!(ind("479.99"), Light::Yellow);
    assert_eq!(ind("480"), Light::Green);
    assert_eq!(ind("1439.99"), Light::Green);
    assert_eq!(ind("1440"), Light::Blue);
}

#[test]
fn the_numbers_are_settings() {
    let rules =
        LightRules { red_below: d("50"), yellow_below: d("90"), blue_at_percent: d("150"), ..LightRules::default() };
    assert_eq!(by_rate("37.5", 9, &rules), Light::Yellow); // value 50
    assert_eq!(by_rate("37.49", 9, &rules), Light::Red);
    assert_eq!(by_rate("67.49", 9, &rules), Light::Yellow); // value 89.99
    let ind = |a: &str| {
        indicator_light(Comparator::AtLeast, Direction::Positive, Some(d("100")), &Progress::Actual(d(a)), 12, &rules)
    };
    assert_eq!(ind("149.99"), Light::Green);
    assert_eq!(ind("150"), Light::Blue);
    assert!(rules.check().is_ok());
    assert!(LightRules { red_below: d("81"), ..LightRules::default() }.check().is_err());
    assert!(LightRules { blue_at_percent: d("100"), ..LightRules::default() }.check().is_err());
    let mut floors = LightRules::default();
    floors.floors[1].percent = d("20");
    assert!(floors.check().is_err());
}

#[test]
fn month_boundaries_of_the_ratio_rule() {
    let rules = LightRules::default();
    // Month 1: 序时进度 8.33 %; 80 % of it is 6.666…
    assert_eq!(by_rate("6.67", 1, &rules), Light::Green);
    assert_eq!(by_rate("6.66", 1, &rules), Light::Yellow);
    assert_eq!(by_rate("80", 12, &rules), Light::Green);
    assert_eq!(by_rate("79.9", 12, &rules), Light::Yellow);
    assert_eq!(by_rate("0", 12, &rules), Light::Red);
    // Months outside 1–12 are clamped, never divide by zero.
    assert_eq!(by_rate("6.67", 0, &rules), Light::Green);
    assert_eq!(execution_value(d("80"), d("100"), 13), execution_value(d("80"), d("100"), 12));
    // A zero budget counts as nothing executed.
    assert_eq!(execution_light(d("1"), d("0"), 9, &rules), Light::Red);
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
        (9, "59.999", Light::Red),
        (9, "60", Light::Green),
        (10, "79", Light::Red),
        (12, "80", Light::Green),
    ];
    for (month, rate, light) in cases {
        assert_eq!(by_rate(rate, month, &rules), light, "month {month} rate {rate}");
    }
    assert!(gap_warning(&[d("75")], d("60"), d("100"), &rules));
    assert!(!gap_warning(&[d("70")], d("60"), d("100"), &rules));
    assert!(!gap_warning(&[d("70.001"), d("70")], d("60"), d("100"), &LightRules::default()));
    // Exactly 10 points is not more than 10; a hair above is.
    assert!(gap_warning(&[d("70.0001")], d("60"), d("100"), &rules));
    assert!(!gap_warning(&[], d("0"), d("100"), &rules));
}

#[test]
fn indicator_lights_match_the_worked_examples() {
    let rules = LightRules::default();
    let light = |a: &str| {
        indicator_light(Comparator::AtLeast, Direction::Positive, Some(d("1200")), &Progress::Actual(d(a)), 6, &rules)
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
fn reverse_zero_qualitative_and_non_numeric_indicators() {
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
    // 定量（其他） with a target in words: never blue, whatever the actual.
    let other = TargetIndicator { comparator: Comparator::Other, target_value: "按期完成".into(), ..plan() };
    assert_eq!(numeric_target(&other), None);
    for (a, light) in [("0", Light::Red), ("1", Light::Green), ("1000000000000", Light::Green)] {
        let got = indicator_light(other.comparator, other.direction, None, &Progress::Actual(d(a)), 9, &rules);
        assert_eq!(got, light, "{a}");
    }
    for (q, l) in [
        (QualitativeProgress::Achieved, Light::Green),
        (QualitativeProgress::Partial, Light::Yellow),
        (QualitativeProgress::NotAchieved, Light::Red),
    ] {
        let got =
            indicator_light(Comparator::Qualitative, Direction::Positive, None, &Progress::Qualitative(q), 9, &rules);
        assert_eq!(got, l);
    }
}

fn plan() -> TargetIndicator {
    TargetIndicator {
        level2: crate::indicators::Level2::Quantity,
        name: "受益人数".into(),
        comparator: Comparator::AtLeast,
        target_value: "1200".into(),
        unit: "人".into(),
        weight: d("60"),
        direction: Direction::Positive,
        scoring_standard: String::new(),
        explanation: String::new(),
        source: crate::indicators::IndicatorSource::Characteristic,
        library_id: None,
    }
}

#[test]
fn numeric_targets_and_completion() {
    assert_eq!(numeric_target(&plan()), Some(d("1200")));
    let qualitative = TargetIndicator { comparator: Comparator::Qualitative, target_value: "1".into(), ..plan() };
    assert_eq!(numeric_target(&qualitative), None);
    assert_eq!(completion_rate(&Progress::Actual(d("600")), Some(d("1200"))), Some(d("50")));
    assert_eq!(completion_rate(&Progress::Actual(d("2400")), Some(d("1200"))), Some(d("100")));
    assert_eq!(completion_rate(&Progress::Actual(d("1")), None), None);
}

#[test]
fn a_project_takes_its_worst_light() {
    assert_eq!(worst([Light::Blue, Light::Green, Light::Yellow]), Some(Light::Yellow));
    assert_eq!(worst([Light::Green, Light::Red, Light::Blue]), Some(Light::Red));
    assert_eq!(worst([]), None);
    let rules = LightRules::sichuan();
    // Execution 60 % at month 9 is green; indicators all green; the gap to a
    // 75 % mean completion makes the project yellow.
    let with_gap = project_light(Some((d("60"), d("100"))), 9, &[Light::Green], &[d("75")], &rules);
    assert_eq!(with_gap, Some(Light::Yellow));
    let no_gap = project_light(Some((d("60"), d("100"))), 9, &[Light::Green], &[d("65")], &rules);
    assert_eq!(no_gap, Some(Light::Green));
    assert_eq!(project_light(None, 9, &[Light::Blue], &[], &rules), Some(Light::Blue));
}

#[test]
fn execution_rate_is_for_display() {
    assert_eq!(execution_rate(d("45"), d("100")), d("45"));
    assert_eq!(execution_rate(d("1"), d("0")), Decimal::ZERO);
    assert_eq!(execution_rate(d("1"), d("3")), d("33.33"));
    // Always two places, whatever the inputs' scale: "45.00", never "45".
    assert_eq!(execution_rate(d("45000"), d("100000")).to_string(), "45.00");
}

#[test]
fn extreme_numbers_do_not_panic() {
    let rules = LightRules::default();
    let max = Decimal::MAX;
    for (a, b) in [(max, max), (max, Decimal::ONE), (Decimal::ONE, max), (max, Decimal::ZERO)] {
        let _ = execution_light(a, b, 9, &rules);
        let _ = execution_light(a, b, 9, &LightRules::sichuan());
        let _ = execution_rate(a, b);
        let _ = execution_value(a, b, 1);
        let _ = indicator_light(Comparator::AtLeast, Direction::Positive, Some(b), &Progress::Actual(a), 1, &rules);
        let _ = completion_rate(&Progress::Actual(a), Some(b));
        let _ = gap_warning(&[max, max], a, b, &LightRules::sichuan());
    }
}
