#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("export") {
        std::process::exit(export(&args[1..]).await);
    }
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

/// `checkout-server export --out DIR`: the data export once (`--schema`: its columns, as
/// Markdown). Exit status 0 done, 1 failed (the next run resumes it), 2 bad usage or
/// configuration.
async fn export(args: &[String]) -> i32 {
    if args.iter().any(|a| a == "--schema") {
        print!("{}", checkout_server::export::schema::markdown());
        return 0;
    }
    let out = match args {
        [flag, dir] if flag == "--out" => std::path::PathBuf::from(dir),
        _ => {
            eprintln!("usage: checkout-server export --out DIR  (or --schema)");
            return 2;
        }
    };
    if let Err(err) = checkout_server::logs::init() {
        eprintln!("configuration error: {err}");
        return 2;
    }
    let config = match checkout_server::export::ExportConfig::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return 2;
        }
    };
    let now = chrono::Utc::now().timestamp();
    match checkout_server::export::run(&config, &out, now).await {
        Ok(report) => {
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            0
        }
        Err(err) => {
            eprintln!("export failed (run it again to resume): {err}");
            1
        }
    }
}
