use std::net::SocketAddr;
use std::sync::Arc;

use tracing_subscriber::EnvFilter;

/// `STRIPE_SIM_ADDR` (default 127.0.0.1:12111): where to listen; `STRIPE_SIM_PUBLIC_URL`
/// (default `http://` + that address): where browsers reach it; `STRIPE_SIM_WEBHOOK_URL` and
/// `STRIPE_WEBHOOK_SECRET`: where to send the platform's events;
/// `STRIPE_SIM_CONNECT_WEBHOOK_URL` and `STRIPE_CONNECT_WEBHOOK_SECRET`: where to send its
/// connected accounts' events (a Connect endpoint); `STRIPE_SIM_WEBHOOK_RETRY_MS` (1000): first
/// wait before retrying a delivery.
#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info")))
        .init();
    let addr: SocketAddr = match std::env::var("STRIPE_SIM_ADDR").unwrap_or_else(|_| "127.0.0.1:12111".into()).parse() {
        Ok(addr) => addr,
        Err(err) => {
            eprintln!("STRIPE_SIM_ADDR is not a socket address: {err}");
            std::process::exit(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("cannot listen on {addr}: {err}");
            std::process::exit(1);
        }
    };
    tracing::info!("Stripe stand-in listening on http://{addr} (Stripe.js at http://{addr}/endive/stripe.js)");
    // Where browsers reach it, for the URLs it hands out (3-D Secure redirects).
    let public_url = std::env::var("STRIPE_SIM_PUBLIC_URL").unwrap_or_else(|_| format!("http://{addr}"));
    let sim = stripe_sim::Sim::new(public_url);
    // STRIPE_SIM_WEBHOOK_URL (comma-separated) receive the platform's events signed with
    // STRIPE_WEBHOOK_SECRET; STRIPE_SIM_CONNECT_WEBHOOK_URL the connected accounts', signed with
    // STRIPE_CONNECT_WEBHOOK_SECRET.
    for (urls, secret, connect) in [
        ("STRIPE_SIM_WEBHOOK_URL", "STRIPE_WEBHOOK_SECRET", false),
        ("STRIPE_SIM_CONNECT_WEBHOOK_URL", "STRIPE_CONNECT_WEBHOOK_SECRET", true),
    ] {
        let Ok(list) = std::env::var(urls) else { continue };
        let Ok(signing) = std::env::var(secret) else {
            eprintln!("{urls} needs {secret}");
            std::process::exit(2);
        };
        for url in list.split(',').filter(|u| !u.is_empty()) {
            tracing::info!(
                "sending {} events to {url}",
                if connect { "connected accounts'" } else { "the platform's" }
            );
            match connect {
                true => sim.add_connect_webhook_endpoint(url, signing.clone()),
                false => sim.add_webhook_endpoint(url, signing.clone()),
            }
        }
    }
    if let Some(ms) = std::env::var("STRIPE_SIM_WEBHOOK_RETRY_MS").ok().and_then(|v| v.parse().ok()) {
        sim.set_webhook_retry(std::time::Duration::from_millis(ms));
    }
    let app = stripe_sim::router(Arc::new(sim));
    if let Err(err) = axum::serve(listener, app).with_graceful_shutdown(shutdown()).await {
        eprintln!("server error: {err}");
        std::process::exit(1);
    }
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}
