//! The operator's BNPL dashboard, `/operator/bnpl`: from the data export's files (the server
//! reads them, `GET /api/operator/bnpl`), buy now, pay later's share of payments and of revenue
//! per week, the average order value and the refund rate per method, and the add-on offer's
//! average order value per variant. Each chart with its table and a CSV of its numbers.

mod charts;

use checkout_api::bnpl::{BNPL_METHODS, BnplDashboard, method_name};
use checkout_api::format_amount;
use leptos::prelude::*;

use charts::{Bars, Legend, StackedWeeks};

use crate::api;
use crate::shell::OperatorShell;

#[component]
pub fn BnplDashboardPage() -> impl IntoView {
    view! {
        <OperatorShell title="Buy now, pay later" class="page operator bnpl"
            content=|_signed_out| view! { <Dashboard /> }.into_any() />
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let data = LocalResource::new(api::bnpl_dashboard);
    move || match data.get() {
        None => view! { <p class="operator-loading">"Reading the export…"</p> }.into_any(),
        Some(Err(error)) => view! {
            <section class="operator-card operator-refusal" role="alert">
                <h2>"The dashboard has nothing to show"</h2>
                <p>{error.message.unwrap_or_else(|| "The server could not read the export.".into())}</p>
            </section>
        }
        .into_any(),
        Some(Ok(d)) => view! { <Charts d /> }.into_any(),
    }
}

/// A count as the operator reads it: 5,814.
fn count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let grouped: Vec<&str> =
        digits.as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
    format!("{}{}", if n < 0 { "-" } else { "" }, grouped.join(","))
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn day(unix: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0));
    date.to_iso_string().as_string().unwrap_or_default().chars().take(10).collect()
}

#[component]
fn Charts(d: BnplDashboard) -> impl IntoView {
    let currency = d.currency.clone();
    let payments: i64 = d.by_method.iter().map(|m| m.payments).sum();
    let bnpl_payments: i64 =
        d.by_method.iter().filter(|m| BNPL_METHODS.contains(&m.method.as_str())).map(|m| m.payments).sum();
    let covered = match d.exported_until {
        Some(until) => format!(
            "{} payments exported up to {}; {} with buy now, pay later ({}).",
            count(payments),
            day(until),
            count(bnpl_payments),
            percent(bnpl_payments as f64 / payments.max(1) as f64)
        ),
        None => "Nothing exported yet: the first export has not run.".into(),
    };
    let names: Vec<String> = BNPL_METHODS.iter().map(|m| method_name(m).to_owned()).collect();
    let week_label = |start: &str| start.get(5..).unwrap_or(start).replace('-', "/");
    let shares = |revenue: bool| -> Vec<(String, Vec<f64>)> {
        d.weeks
            .iter()
            .map(|w| {
                (
                    week_label(&w.start),
                    w.methods.iter().map(|m| if revenue { w.shares(m).1 } else { w.shares(m).0 }).collect(),
                )
            })
            .collect()
    };
    let week_rows = |revenue: bool| -> Vec<Vec<String>> {
        d.weeks
            .iter()
            .map(|w| {
                let mut row = vec![w.start.clone()];
                row.extend(w.methods.iter().map(|m| percent(if revenue { w.shares(m).1 } else { w.shares(m).0 })));
                row.push(percent(w.methods.iter().map(|m| if revenue { w.shares(m).1 } else { w.shares(m).0 }).sum()));
                row
            })
            .collect()
    };
    let mut week_headers = vec!["Week of".to_owned()];
    week_headers.extend(names.iter().cloned());
    week_headers.push("All BNPL".into());
    let aov: Vec<(String, f64, String)> = d
        .by_method
        .iter()
        .map(|m| {
            (
                method_name(&m.method).to_owned(),
                m.average_order_value as f64,
                format_amount(m.average_order_value, &currency),
            )
        })
        .collect();
    let refunds: Vec<(String, f64, String)> = d
        .by_method
        .iter()
        .map(|m| (method_name(&m.method).to_owned(), m.refund_rate, percent(m.refund_rate)))
        .collect();
    let variants: Vec<(String, f64, String)> = d
        .by_variant
        .iter()
        .map(|v| (v.variant.clone(), v.average_order_value as f64, format_amount(v.average_order_value, &currency)))
        .collect();
    let aov_rows: Vec<Vec<String>> = d
        .by_method
        .iter()
        .map(|m| {
            vec![
                method_name(&m.method).to_owned(),
                m.payments.to_string(),
                format_amount(m.average_order_value, &currency),
            ]
        })
        .collect();
    let refund_rows: Vec<Vec<String>> = d
        .by_method
        .iter()
        .map(|m| {
            vec![
                method_name(&m.method).to_owned(),
                m.payments.to_string(),
                m.refunded_payments.to_string(),
                percent(m.refund_rate),
            ]
        })
        .collect();
    let variant_rows: Vec<Vec<String>> = d
        .by_variant
        .iter()
        .map(|v| vec![v.variant.clone(), v.payments.to_string(), format_amount(v.average_order_value, &currency)])
        .collect();
    let strings = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let top = |rows: &[(String, f64, String)]| {
        rows.iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(label, _, text)| format!("Highest: {label}, {text}."))
            .unwrap_or_default()
    };
    let latest = d.weeks.last().map(|w| percent(w.methods.iter().map(|m| w.shares(m).0).sum())).unwrap_or_default();
    let latest_revenue =
        d.weeks.last().map(|w| percent(w.methods.iter().map(|m| w.shares(m).1).sum())).unwrap_or_default();
    let (payment_shares, revenue_shares) = (shares(false), shares(true));
    let (payment_rows, revenue_rows) = (week_rows(false), week_rows(true));
    let (names_payments, names_revenue) = (names.clone(), names);
    let (aov_summary, refund_summary, variant_summary) = (top(&aov), top(&refunds), top(&variants));
    view! {
        <p class="operator-summary" data-testid="bnpl-coverage">{covered}</p>
        <ChartCard title="BNPL share of payments per week" csv="bnpl-share-by-week.csv"
            headers=week_headers.clone() rows=payment_rows>
            <Legend chart="payments" names=names_payments />
            <StackedWeeks chart="payments" title="BNPL share of payments per week".into()
                summary=format!("Last week {latest} of payments.") weeks=payment_shares />
        </ChartCard>
        <ChartCard title="BNPL share of revenue per week" csv="bnpl-share-by-week.csv"
            headers=week_headers rows=revenue_rows>
            <Legend chart="revenue" names=names_revenue />
            <StackedWeeks chart="revenue" title="BNPL share of revenue per week".into()
                summary=format!("Last week {latest_revenue} of revenue.") weeks=revenue_shares />
        </ChartCard>
        <ChartCard title="Average order value by method" csv="average-order-value-by-method.csv"
            headers=strings(&["Method", "Payments", "Average order value"]) rows=aov_rows>
            <Bars title="Average order value by method".into() summary=aov_summary rows=aov />
        </ChartCard>
        <ChartCard title="Refund rate by method" csv="refund-rate-by-method.csv"
            headers=strings(&["Method", "Payments", "Refunded", "Refund rate"]) rows=refund_rows>
            <Bars title="Refund rate by method".into() summary=refund_summary rows=refunds />
        </ChartCard>
        <ChartCard title="Average order value by offer variant (BNPL)" csv="average-order-value-by-variant.csv"
            headers=strings(&["Variant", "Payments", "Average order value"]) rows=variant_rows>
            <Bars title="Average order value by offer variant".into() summary=variant_summary rows=variants />
        </ChartCard>
    }
}

/// A chart with its title, its numbers as a table (the fallback for who cannot read the
/// chart) and the CSV of them.
#[component]
fn ChartCard(
    title: &'static str,
    csv: &'static str,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    children: Children,
) -> impl IntoView {
    let href = format!("/api/operator/bnpl/{csv}");
    view! {
        <section class="operator-card chart-card" aria-label=title>
            <h2>{title}</h2>
            {children()}
            <details class="chart-table">
                <summary>"Show the numbers"</summary>
                <table>
                    <caption class="visually-hidden">{title}</caption>
                    <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
            <a class="operator-button" href=href download=csv>{format!("Download CSV ({csv})")}</a>
        </section>
    }
}

/// Mounts the dashboard in place of the skeleton the server writes into every page's HTML.
pub fn start() {
    crate::shell::mount(BnplDashboardPage);
}
