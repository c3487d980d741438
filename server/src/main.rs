#[tokio::main]
async fn main() {
    if let Err(err) = checkout_server::logs::init() {
        eprintln!("configuration error: {err}");
        std::process::exit(2);
    }
    let config = match checkout_server::Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {err}");
            std::process::exit(2);
        }
    };
    let addr = config.addr;
    let state = match checkout_server::AppState::new(config).await {
        Ok(state) => state,
        Err(err) => {
            eprintln!("configuration error: {err}");
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
    tracing::info!("checkout on http://{addr}/");
    match checkout_server::serve(listener, state, stop_signal()).await {
        Ok(true) => tracing::info!("stopped: every request finished"),
        Ok(false) => {
            tracing::error!("stopped at the shutdown deadline with requests still in flight");
            std::process::exit(1);
        }
        Err(err) => {
            eprintln!("server error: {err}");
            std::process::exit(1);
        }
    }
}

/// SIGTERM (systemd, Docker, Kubernetes, scripts/dev.sh) or Ctrl-C.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            },
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
