//! The dashboard's charts as SVG, readable without colour: every bar carries its value as text,
//! the stacked bars' series differ by pattern as well as by colour (the legend shows both), and
//! each chart has its numbers as a table beside it (`table.rs`). Screen readers get the chart's
//! title and a one-line summary (`role="img"`), and the table.

use leptos::prelude::*;

/// One series' look: a fill colour and a pattern, so that neither alone tells them apart.
pub const SERIES: [(&str, &str); 4] =
    [("#0570de", "solid"), ("#d04a02", "stripes"), ("#1a7f37", "dots"), ("#8250df", "cross")];

/// The patterns, once per chart (ids are per chart: several SVGs on one page).
fn patterns(chart: &'static str) -> impl IntoView {
    SERIES
        .iter()
        .map(|(color, pattern)| {
            let id = format!("{chart}-{pattern}");
            let marks = match *pattern {
                "stripes" => view! { <path d="M0,6 L6,0" stroke="#fff" stroke-width="1.5" /> }.into_any(),
                "dots" => view! { <circle cx="3" cy="3" r="1.3" fill="#fff" /> }.into_any(),
                "cross" => view! { <path d="M0,0 L6,6 M6,0 L0,6" stroke="#fff" stroke-width="1" /> }.into_any(),
                _ => ().into_any(),
            };
            view! {
                <pattern id=id width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect width="6" height="6" fill={*color} />
                    {marks}
                </pattern>
            }
        })
        .collect_view()
}

fn fill(chart: &'static str, series: usize) -> String {
    format!("url(#{chart}-{})", SERIES[series % SERIES.len()].1)
}

/// A legend entry per series: its swatch (colour and pattern) and its name.
#[component]
pub fn Legend(chart: &'static str, names: Vec<String>) -> impl IntoView {
    view! {
        <ul class="chart-legend">
            {names.into_iter().enumerate().map(|(i, name)| view! {
                <li>
                    <svg width="14" height="14" aria-hidden="true"><defs>{patterns(chart)}</defs><rect width="14" height="14" fill={fill(chart, i)} /></svg>
                    {name}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Columns per week, each stacked from its series' shares (0-1), the total share on top.
#[component]
pub fn StackedWeeks(
    chart: &'static str,
    title: String,
    summary: String,
    weeks: Vec<(String, Vec<f64>)>,
) -> impl IntoView {
    let (width, height, top, bottom, left) = (720.0_f64, 260.0_f64, 24.0, 40.0, 44.0);
    let plot = height - top - bottom;
    let most = weeks.iter().map(|(_, s)| s.iter().sum::<f64>()).fold(0.0_f64, f64::max).max(0.01);
    // The scale's top: four equal steps of a whole ten per cent (0-40 %, 0-80 %...) above the
    // largest week.
    let scale = ((most * 10.0 / 4.0).ceil() * 0.4).min(1.0);
    let slot = (width - left) / weeks.len().max(1) as f64;
    let bar = (slot * 0.7).min(40.0);
    let y = move |share: f64| top + plot - share / scale * plot;
    let ticks = (0..=4).map(move |i| {
        let share = scale * i as f64 / 4.0;
        view! {
            <line x1=left x2=width y1={y(share)} y2={y(share)} class="chart-grid" />
            <text x={left - 6.0} y={y(share) + 4.0} text-anchor="end" class="chart-axis">{format!("{:.0}%", share * 100.0)}</text>
        }
    });
    let columns = weeks.iter().enumerate().map(|(i, (label, shares))| {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let mut base = 0.0;
        let segments = shares.iter().enumerate().map(|(s, share)| {
            let (from, to) = (base, base + share);
            base = to;
            view! { <rect x=x y={y(to)} width=bar height={(y(from) - y(to)).max(0.0)} fill={fill(chart, s)} /> }
        }).collect_view();
        let total = shares.iter().sum::<f64>();
        view! {
            <g>
                {segments}
                <text x={x + bar / 2.0} y={y(total) - 4.0} text-anchor="middle" class="chart-value">{format!("{:.0}%", total * 100.0)}</text>
                <text x={x + bar / 2.0} y={height - bottom + 16.0} text-anchor="middle" class="chart-axis">{label.clone()}</text>
            </g>
        }
    }).collect_view();
    view! {
        <svg class="chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={format!("{title}. {summary}")}>
            <defs>{patterns(chart)}</defs>
            {ticks.collect_view()}
            {columns}
        </svg>
    }
}

/// One horizontal bar per row, its value written beside it.
#[component]
pub fn Bars(title: String, summary: String, rows: Vec<(String, f64, String)>) -> impl IntoView {
    let (width, row_height, left, right) = (720.0_f64, 30.0_f64, 110.0_f64, 90.0_f64);
    let height = row_height * rows.len().max(1) as f64 + 8.0;
    let most = rows.iter().map(|(_, v, _)| *v).fold(0.0_f64, f64::max).max(f64::MIN_POSITIVE);
    let bars = rows.into_iter().enumerate().map(|(i, (label, value, text))| {
        let y = 4.0 + row_height * i as f64;
        let length = (width - left - right) * value / most;
        view! {
            <g>
                <text x={left - 8.0} y={y + row_height / 2.0 + 4.0} text-anchor="end" class="chart-axis">{label}</text>
                <rect x=left y={y + 4.0} width={length.max(1.0)} height={row_height - 10.0} class="chart-bar" />
                <text x={left + length + 6.0} y={y + row_height / 2.0 + 4.0} class="chart-value">{text}</text>
            </g>
        }
    }).collect_view();
    view! {
        <svg class="chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={format!("{title}. {summary}")}>
            {bars}
        </svg>
    }
}
