//! The checkout backend: prices the cart from its own catalogue, creates and confirms the
//! PaymentIntent with the ConfirmationToken the page created (once per order, however often it
//! is asked: `checkout`), keeps orders moved only by Stripe's signed webhooks (`orders`,
//! `webhooks`), and serves the Trunk-built app with security headers. Stripe is reached
//! through async-stripe, at api.stripe.com or at the offline stand-in (`STRIPE_API_BASE`).

mod assets;
mod catalog;
mod checkout;
mod client;
pub mod config;
pub mod db;
mod discounts;
mod email_jobs;
mod error;
pub mod export;
mod housekeeping;
mod lease;
mod limits;
pub mod logs;
pub mod marketplace;
mod offers;
mod operator;
mod ops;
mod orders;
mod payments;
mod pricing;
mod routes;
mod secrets;
mod security;
mod session;
mod telemetry;
pub mod webhooks;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::handler::HandlerWithoutStateExt;
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use axum_extra::extract::cookie::Key;
use tower_http::services::ServeDir;

pub use catalog::Catalog;
pub use checkout::order_key;
pub use config::Config;
use limits::Limits;
use orders::Orders;
use payments::Payments;
use security::SecurityHeaders;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    config: Arc<Config>,
    catalog: Arc<Catalog>,
    /// Konbini takes yen only: its own catalogue.
    konbini_catalog: Arc<Catalog>,
    /// The marketplace's sellers, each with its own shelf (`marketplace`).
    sellers: Arc<marketplace::Sellers>,
    /// Their connected accounts, and the shoppers' customers and cards shared with them.
    marketplace: marketplace::Store,
    payments: Payments,
    orders: Orders,
    limits: Limits,
    session_key: Key,
    security: SecurityHeaders,
    /// The app's pages with the shared configuration filled in.
    pages: Arc<assets::Pages>,
    /// The orders' database, for readiness and leases (the orders hold it too).
    db: db::Db,
    /// This instance's counters, histograms and gauges (`GET /metrics`).
    metrics: ops::Metrics,
    /// This process among the instances sharing the database (`lease::instance_id`).
    instance: Arc<str>,
    /// The operator's bulk email updates (their store; the worker runs while serving).
    email_jobs: email_jobs::EmailJobs,
}

impl AppState {
    /// Connects to Stripe's client and the database (running its migrations).
    pub async fn new(config: Config) -> Result<Self, String> {
        let metrics = ops::Metrics::new();
        let payments = Payments::new(&config.stripe, metrics.clone())?;
        let db = db::Db::connect(&config.database_url).await?;
        let instance: Arc<str> = lease::instance_id().into();
        tracing::info!(%instance, "instance started");
        if config.metrics_token.is_none() && config.stripe.mode() == "live" {
            tracing::warn!("CHECKOUT_METRICS_TOKEN is not set: /metrics answers whoever reaches it");
        }
        let catalog = Arc::new(Catalog::demo(&config.currency)?);
        let konbini_catalog = Arc::new(Catalog::demo("jpy")?);
        let sellers = Arc::new(marketplace::Sellers::demo(&config.currency, config.seller_accounts.clone())?);
        let shared = routes::shared_config(&config, &catalog, &konbini_catalog);
        Ok(Self {
            pages: Arc::new(assets::Pages::from_dist(&config.dist_dir, &shared, &config.stripe)?),
            catalog,
            konbini_catalog,
            sellers,
            marketplace: marketplace::Store::new(db.clone()),
            orders: Orders::new(db.clone(), config.crash_before_commit.clone()),
            email_jobs: email_jobs::EmailJobs::new(db.clone()),
            limits: Limits::new(&config.limits),
            session_key: session::key(config.session_secret.as_ref().map(config::Secret::expose)),
            security: SecurityHeaders::new(&config)?,
            config: Arc::new(config),
            payments,
            db,
            metrics,
            instance,
        })
    }
}

/// `/api/...`, the operators' `/healthz`, `/readyz` and `/metrics`, the built assets, and each
/// page's `index.html`. Every answer is counted (`ops::track`) and carries a request id.
pub fn app(state: AppState) -> Router {
    let pages = state.pages.clone();
    let page = move |request: axum::extract::Request| assets::page(pages.clone(), request);
    let static_files = ServeDir::new(&state.config.dist_dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(page.clone().into_service());
    let api = routes::api(&state)
        .layer(from_fn_with_state(state.config.request_timeout, telemetry::time_limit))
        .layer(axum::middleware::from_fn(telemetry::server_timing));
    // Each page's document is always the filled-in one, never the built template.
    let documents = ["/", "/index.html"].into_iter().map(str::to_owned).chain(
        assets::OTHER_PAGES.iter().flat_map(|p| [format!("/{p}"), format!("/{p}/"), format!("/{p}/index.html")]),
    );
    let mut router = Router::new();
    for path in documents {
        router = router.route(&path, get(page.clone()));
    }
    let trust_proxy = state.config.client_ip_header.is_some();
    router
        .merge(ops::routes())
        .nest("/api", api)
        .fallback_service(static_files)
        .layer(axum::middleware::from_fn(assets::cache_headers))
        .layer(axum::middleware::from_fn(assets::embed_cors))
        .layer(from_fn_with_state(state.security.clone(), security::add))
        .layer(from_fn_with_state(state.metrics.clone(), ops::track))
        .layer(telemetry::trace_layer())
        // Outermost: the id is in the request before its log span is made.
        .layer(from_fn_with_state(trust_proxy, ops::request_id::assign))
        .with_state(state)
}

/// Serves the checkout on `listener` until `shutdown` completes, then lets the requests in
/// flight finish for at most the configured grace (`CHECKOUT_SHUTDOWN_GRACE_SECONDS`). True if
/// every request finished. Background work (the housekeeping sweeps, the email jobs' worker) runs
/// meanwhile, and stops at the end, giving its lease and claims up for another instance.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<bool> {
    let grace = state.config.shutdown_grace;
    let housekeeping = housekeeping::spawn(state.clone());
    let stripe_timeout = std::time::Duration::from_secs(state.config.stripe.timeout_seconds);
    let announcer = state
        .config
        .operator_webhooks
        .clone()
        .map(|webhooks| email_jobs::completion::Announcer::new(webhooks, state.config.stripe.mode() == "live"));
    let email_worker = email_jobs::worker::spawn(
        state.email_jobs.clone(),
        state.payments.clone(),
        &state.instance,
        stripe_timeout,
        announcer,
    );
    let export = state.config.export.clone().map(|schedule| {
        let config = export::ExportConfig {
            secret_key: state.config.stripe.secret_key.clone(),
            api_base: state.config.stripe.api_base.clone(),
            timeout: stripe_timeout,
        };
        let lease = lease::Lease::new(state.db.clone(), "export", &state.instance, schedule.every * 2);
        tokio::spawn(export::run_on_schedule(config, schedule, lease))
    });
    let (stopping, mut stopped) = tokio::sync::watch::channel(false);
    let server = axum::serve(listener, app(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async move {
            shutdown.await;
            tracing::info!(grace_seconds = grace.as_secs(), "shutting down: finishing the requests in flight");
            let _ = stopping.send(true);
        });
    let deadline = async move {
        let _ = stopped.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(grace).await;
    };
    let drained = tokio::select! {
        served = server.into_future() => served.map(|()| true),
        () = deadline => Ok(false),
    };
    housekeeping.stop().await;
    email_worker.stop().await;
    // An export cut short is resumed by the next run (its window is recorded).
    if let Some(export) = export {
        export.abort();
    }
    drained
}

/// Today's date in UTC, `YYYY-MM-DD`: the day discount codes are checked against.
fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}
