//! A webhook receiver on loopback for the tests of event delivery.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

/// What a receiver got: the Stripe-Signature header (if any) and the event.
pub type Received = Arc<Mutex<Vec<(Option<String>, Value)>>>;

/// A webhook receiver that records what it gets, answering with `statuses` in turn (200 after).
#[derive(Clone, Default)]
pub struct Receiver {
    pub received: Received,
    statuses: Arc<Mutex<Vec<u16>>>,
}

impl Receiver {
    pub async fn start(statuses: Vec<u16>) -> (String, Self) {
        let receiver = Receiver { statuses: Arc::new(Mutex::new(statuses)), ..Default::default() };
        let state = receiver.clone();
        let app = axum::Router::new().route(
            "/hook",
            post(move |headers: HeaderMap, body: String| {
                let state = state.clone();
                async move {
                    let signature = headers.get("stripe-signature").map(|v| v.to_str().unwrap().to_owned());
                    state.received.lock().unwrap().push((signature, serde_json::from_str(&body).unwrap()));
                    let mut statuses = state.statuses.lock().unwrap();
                    StatusCode::from_u16(if statuses.is_empty() { 200 } else { statuses.remove(0) }).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (url, receiver)
    }

    pub fn types(&self) -> Vec<String> {
        self.received.lock().unwrap().iter().map(|(_, e)| e["type"].as_str().unwrap().to_owned()).collect()
    }

    pub async fn wait_for(&self, count: usize) -> bool {
        for _ in 0..200 {
            if self.received.lock().unwrap().len() >= count {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        false
    }
}

/// Verifies a Stripe-Signature header with `secret`, independently of the stand-in's code.
pub fn signature_valid(secret: &str, header: &str, payload: &str) -> bool {
    let t = header.split(',').find_map(|p| p.strip_prefix("t=")).unwrap();
    let v1 = header.split(',').find_map(|p| p.strip_prefix("v1=")).unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{payload}").as_bytes());
    mac.verify_slice(&hex::decode(v1).unwrap()).is_ok()
}
