//! The operator's BNPL dashboard, from the data export's files (`CHECKOUT_EXPORT_DIR`, see
//! `crate::export`): the charges' and refunds' Parquet read back with arrow-rs (only the columns
//! the dashboard needs), summed per week and per method, and each chart's numbers as CSV.
//! Succeeded payments in the shop's currency only.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{Array, Int64Array, RecordBatch, StringArray, TimestampMillisecondArray};
use axum::Json;
use axum::extract::{Path as UrlPath, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use checkout_api::bnpl::{BNPL_METHODS, BnplDashboard, MethodStats, MethodWeek, VariantStats, Week};
use checkout_api::stripe_common::{ErrorType, StripeError};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::session::Operator;
use crate::AppState;
use crate::error::AppError;

/// One succeeded payment, as the dashboard counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub id: String,
    pub created: i64,
    pub amount: i64,
    pub method: String,
    pub variant: Option<String>,
}

pub async fn dashboard(_: Operator, State(state): State<AppState>) -> Result<Json<BnplDashboard>, AppError> {
    Ok(Json(load(&state).await?))
}

/// `GET /api/operator/bnpl/{name}.csv`: a chart's numbers.
pub async fn csv(
    _: Operator,
    State(state): State<AppState>,
    UrlPath(name): UrlPath<String>,
) -> Result<impl IntoResponse, AppError> {
    let render: fn(&BnplDashboard) -> String = match name.as_str() {
        "bnpl-share-by-week.csv" => share_csv,
        "average-order-value-by-method.csv" => average_csv,
        "refund-rate-by-method.csv" => refund_csv,
        "average-order-value-by-variant.csv" => variant_csv,
        _ => return Err(AppError::not_found("GET", &format!("/api/operator/bnpl/{name}"))),
    };
    let body = render(&load(&state).await?);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    ))
}

async fn load(state: &AppState) -> Result<BnplDashboard, AppError> {
    let Some(schedule) = state.config.export.clone() else {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            StripeError::new(
                ErrorType::InvalidRequestError,
                "The data export is off: set CHECKOUT_EXPORT_DIR to the folder it writes.",
            )
            .with_code("export_not_configured"),
        ));
    };
    let currency = state.config.currency.clone();
    let read = tokio::task::spawn_blocking(move || read(&schedule.dir, &currency)).await;
    read.map_err(std::io::Error::other).and_then(|read| read).map_err(|err| {
        tracing::error!(error = %err, "the BNPL dashboard could not read the export");
        AppError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            StripeError::new(ErrorType::ApiError, "The data export's files could not be read."),
        )
    })
}

/// The dashboard of the export in `dir`, for payments in `currency`.
pub fn read(dir: &Path, currency: &str) -> Result<BnplDashboard, std::io::Error> {
    let mut refunded = HashSet::new();
    for batch in batches(dir, "refunds", &["charge"])? {
        let charges = strings(&batch, "charge")?;
        refunded.extend((0..batch.num_rows()).filter(|&i| charges.is_valid(i)).map(|i| charges.value(i).to_owned()));
    }
    let mut payments = Vec::new();
    for batch in batches(
        dir,
        "charges",
        &["id", "created", "amount", "currency", "status", "payment_method_type", "offer_variant"],
    )? {
        let (ids, created, amounts) = (strings(&batch, "id")?, timestamps(&batch, "created")?, ints(&batch, "amount")?);
        let (currencies, statuses) = (strings(&batch, "currency")?, strings(&batch, "status")?);
        let (methods, variants) = (strings(&batch, "payment_method_type")?, strings(&batch, "offer_variant")?);
        for i in 0..batch.num_rows() {
            if statuses.value(i) != "succeeded" || currencies.value(i) != currency {
                continue;
            }
            payments.push(Payment {
                id: ids.value(i).to_owned(),
                created: created.value(i) / 1000,
                amount: amounts.value(i),
                method: if methods.is_valid(i) { methods.value(i).to_owned() } else { "unknown".into() },
                variant: variants.is_valid(i).then(|| variants.value(i).to_owned()),
            });
        }
    }
    let exported_until = std::fs::read(crate::export::state_path(dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|state| state["resources"]["charges"]["exported_until"].as_i64());
    Ok(summarise(&payments, &refunded, currency, exported_until))
}

/// The dashboard's numbers from the payments and the ids of the charges refunded.
pub fn summarise(
    payments: &[Payment],
    refunded: &HashSet<String>,
    currency: &str,
    exported_until: Option<i64>,
) -> BnplDashboard {
    let mut weeks: BTreeMap<String, Week> = BTreeMap::new();
    let mut methods: HashMap<&str, MethodStats> = HashMap::new();
    let mut variants: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for p in payments {
        let week = weeks.entry(monday_of(p.created)).or_insert_with_key(|start| Week {
            start: start.clone(),
            payments: 0,
            revenue: 0,
            methods: BNPL_METHODS.iter().map(|m| MethodWeek { method: (*m).into(), payments: 0, revenue: 0 }).collect(),
        });
        week.payments += 1;
        week.revenue += p.amount;
        if let Some(slot) = week.methods.iter_mut().find(|m| m.method == p.method) {
            slot.payments += 1;
            slot.revenue += p.amount;
        }
        let stats = methods.entry(p.method.as_str()).or_insert_with(|| MethodStats {
            method: p.method.clone(),
            payments: 0,
            revenue: 0,
            average_order_value: 0,
            refunded_payments: 0,
            refund_rate: 0.0,
        });
        stats.payments += 1;
        stats.revenue += p.amount;
        stats.refunded_payments += i64::from(refunded.contains(&p.id));
        if let Some(variant) = p.variant.as_deref().filter(|_| BNPL_METHODS.contains(&p.method.as_str())) {
            let entry = variants.entry(variant).or_default();
            entry.0 += 1;
            entry.1 += p.amount;
        }
    }
    let order = |method: &str| match method {
        "card" => 0,
        m => BNPL_METHODS.iter().position(|b| *b == m).map_or(9, |i| i + 1),
    };
    let mut by_method: Vec<MethodStats> = methods
        .into_values()
        .map(|mut s| {
            s.average_order_value = s.revenue / s.payments.max(1);
            s.refund_rate = s.refunded_payments as f64 / s.payments.max(1) as f64;
            s
        })
        .collect();
    by_method.sort_by(|a, b| order(&a.method).cmp(&order(&b.method)).then(a.method.cmp(&b.method)));
    BnplDashboard {
        currency: currency.to_owned(),
        exported_until,
        weeks: weeks.into_values().collect(),
        by_method,
        by_variant: variants
            .into_iter()
            .map(|(variant, (payments, revenue))| VariantStats {
                variant: variant.into(),
                payments,
                average_order_value: revenue / payments.max(1),
            })
            .collect(),
    }
}

/// The Monday (UTC) of the week of unix time `t`, `YYYY-MM-DD`.
fn monday_of(t: i64) -> String {
    let days = t.div_euclid(86_400);
    // 1970-01-01 was a Thursday: three days after a Monday.
    let monday = days - (days + 3).rem_euclid(7);
    chrono::DateTime::from_timestamp(monday * 86_400, 0).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// Every Parquet file of `resource` in the export, read for `columns` only.
fn batches(dir: &Path, resource: &str, columns: &[&str]) -> Result<Vec<RecordBatch>, std::io::Error> {
    let mut out = Vec::new();
    for file in parquet_files(&dir.join(resource))? {
        let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(&file)?).map_err(std::io::Error::other)?;
        let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
        for batch in builder.with_projection(mask).build().map_err(std::io::Error::other)? {
            out.push(batch.map_err(std::io::Error::other)?);
        }
    }
    Ok(out)
}

/// `folder/date=*/*.parquet`, without the files still being written (`.name.partial`).
fn parquet_files(folder: &Path) -> Result<Vec<PathBuf>, std::io::Error> {
    let mut files = Vec::new();
    let days = match std::fs::read_dir(folder) {
        Ok(days) => days,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(files),
        Err(err) => return Err(err),
    };
    for day in days {
        let day = day?.path();
        if !day.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&day)? {
            let path = file?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.ends_with(".parquet") && !name.starts_with('.') {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn column<'a, T: 'static>(batch: &'a RecordBatch, name: &str) -> Result<&'a T, std::io::Error> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<T>())
        .ok_or_else(|| std::io::Error::other(format!("the export's `{name}` column is missing or of another type")))
}

fn strings<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a StringArray, std::io::Error> {
    column(batch, name)
}

fn ints<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a Int64Array, std::io::Error> {
    column(batch, name)
}

fn timestamps<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a TimestampMillisecondArray, std::io::Error> {
    column(batch, name)
}

fn share_csv(d: &BnplDashboard) -> String {
    let mut out = String::from("week,method,payments,payments_share,revenue,revenue_share,currency\n");
    for week in &d.weeks {
        for m in &week.methods {
            let (payments, revenue) = week.shares(m);
            out.push_str(&format!(
                "{},{},{},{payments:.4},{},{revenue:.4},{}\n",
                week.start, m.method, m.payments, m.revenue, d.currency
            ));
        }
    }
    out
}

fn average_csv(d: &BnplDashboard) -> String {
    let mut out = String::from("method,payments,average_order_value,currency\n");
    for m in &d.by_method {
        out.push_str(&format!("{},{},{},{}\n", m.method, m.payments, m.average_order_value, d.currency));
    }
    out
}

fn refund_csv(d: &BnplDashboard) -> String {
    let mut out = String::from("method,payments,refunded_payments,refund_rate\n");
    for m in &d.by_method {
        out.push_str(&format!("{},{},{},{:.4}\n", m.method, m.payments, m.refunded_payments, m.refund_rate));
    }
    out
}

fn variant_csv(d: &BnplDashboard) -> String {
    let mut out = String::from("variant,payments,average_order_value,currency\n");
    for v in &d.by_variant {
        out.push_str(&format!("{},{},{},{}\n", v.variant, v.payments, v.average_order_value, d.currency));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paid(id: &str, created: i64, amount: i64, method: &str, variant: Option<&str>) -> Payment {
        Payment { id: id.into(), created, amount, method: method.into(), variant: variant.map(Into::into) }
    }

    #[test]
    fn weeks_methods_refunds_and_variants_are_summed_as_an_analyst_would() {
        // 2026-11-30 is a Monday; 2026-12-06 the Sunday of that week.
        let (monday, sunday) = (1_795_996_800, 1_795_996_800 + 6 * 86_400 + 3_600);
        let payments = [
            paid("a", monday, 1_000, "card", None),
            paid("b", sunday, 3_000, "klarna", Some("addon")),
            paid("c", sunday + 86_400, 6_000, "affirm", Some("control")),
            paid("d", monday, 5_000, "klarna", Some("control")),
        ];
        let refunded: HashSet<String> = ["b".to_owned()].into();
        let d = summarise(&payments, &refunded, "usd", Some(9));
        assert_eq!(
            d.weeks.iter().map(|w| (w.start.as_str(), w.payments, w.revenue)).collect::<Vec<_>>(),
            [("2026-11-30", 3, 9_000), ("2026-12-07", 1, 6_000)]
        );
        let klarna = &d.weeks[0].methods[0];
        assert_eq!((klarna.method.as_str(), klarna.payments, klarna.revenue), ("klarna", 2, 8_000));
        assert_eq!(d.weeks[0].shares(klarna), (2.0 / 3.0, 8.0 / 9.0));
        assert_eq!(
            d.by_method.iter().map(|m| (m.method.as_str(), m.average_order_value)).collect::<Vec<_>>(),
            [("card", 1_000), ("klarna", 4_000), ("affirm", 6_000)]
        );
        assert_eq!(d.by_method[1].refund_rate, 0.5);
        assert_eq!(
            d.by_variant.iter().map(|v| (v.variant.as_str(), v.payments, v.average_order_value)).collect::<Vec<_>>(),
            [("addon", 1, 3_000), ("control", 2, 5_500)]
        );
        assert!(share_csv(&d).starts_with("week,method,payments,payments_share,revenue,revenue_share,currency\n2026-11-30,klarna,2,0.6667,8000,0.8889,usd\n"));
    }
}
