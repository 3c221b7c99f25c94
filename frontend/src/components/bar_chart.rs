use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::money::format_wan;

const LABEL_WIDTH: i64 = 130;
const BAR_AREA: i64 = 280;
const VALUE_WIDTH: i64 = 110;
const ROW_HEIGHT: i64 = 34;
const BAR_HEIGHT: i64 = 18;

/// `part` as per-mille of `whole`, 0–1000, without floats.
fn per_mille(part: Decimal, whole: Decimal) -> i64 {
    if whole <= Decimal::ZERO || part <= Decimal::ZERO {
        return 0;
    }
    let ratio = (part * Decimal::from(1000) / whole).round();
    i64::try_from(ratio).unwrap_or(0).clamp(0, 1000)
}

/// A horizontal bar chart of amounts (元), labelled in 万元; plain SVG.
#[component]
pub fn BarChart(
    /// Accessible title of the chart.
    title: &'static str,
    bars: Vec<(String, Decimal)>,
) -> impl IntoView {
    let max = bars.iter().map(|(_, amount)| *amount).max().unwrap_or(Decimal::ZERO);
    let rows = i64::try_from(bars.len()).unwrap_or(0);
    let width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
    let height = rows * ROW_HEIGHT + 8;
    let items = bars
        .into_iter()
        .zip(0i64..)
        .map(|((label, amount), row)| {
            let y = row * ROW_HEIGHT + 8;
            let length = per_mille(amount, max) * BAR_AREA / 1000;
            view! {
                <g>
                    <text x="0" y=y + BAR_HEIGHT - 4>{label}</text>
                    <rect class="track" x=LABEL_WIDTH y=y width=BAR_AREA height=BAR_HEIGHT rx="2"></rect>
                    <rect class="bar" x=LABEL_WIDTH y=y width=length height=BAR_HEIGHT rx="2"></rect>
                    <text class="value" x=LABEL_WIDTH + BAR_AREA + 8 y=y + BAR_HEIGHT - 4>
                        {format!("{} 万元", format_wan(amount))}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="bar-chart"
            role="img"
            aria-label=title
            viewBox=format!("0 0 {width} {height}")
        >
            <title>{title}</title>
            {items}
        </svg>
    }
}
