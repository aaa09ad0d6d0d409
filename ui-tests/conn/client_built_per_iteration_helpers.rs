// client_built_per_iteration: the client is built in a helper of the file, which a loop or
// a request handler calls: each call builds one and drops it (atuin-server's register
// webhook, a notifier called per event).
use std::collections::HashMap;
use std::time::Duration;

use axum::extract::{Json, State};

async fn send_register_hook(url: &str, username: String) {
    let hook = HashMap::from([("content", format!("{username} has just signed up!"))]);
    let client = reqwest::Client::new();
    let resp = client
        .post(url)
        .timeout(Duration::from_secs(5))
        .json(&hook)
        .send()
        .await;
    if let Err(e) = resp {
        eprintln!("failed to send register webhook: {e}");
    }
}

#[derive(Clone)]
pub struct AppState {
    pub webhook: Option<String>,
}

pub async fn register(State(state): State<AppState>, Json(username): Json<String>) -> Json<bool> {
    if let Some(url) = &state.webhook {
        send_register_hook(url, username).await; //~ client_built_per_iteration
    }
    Json(true)
}

pub struct Notifier {
    endpoint: String,
}

impl Notifier {
    fn post(&self, event: &str) -> reqwest::Result<()> {
        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;
        client.post(&self.endpoint).body(event.to_string()).send()?;
        Ok(())
    }

    pub fn flush(&self, events: &[String]) {
        for event in events {
            if let Err(e) = self.post(event) { //~ client_built_per_iteration
                eprintln!("dropping event: {e}");
            }
        }
    }
}

async fn probe(url: &str) -> Result<reqwest::Response, reqwest::Error> {
    reqwest::get(url).await
}

pub async fn load_test(url: &'static str, requests: usize) {
    let mut tasks = Vec::new();
    for i in 0..requests {
        tasks.push(tokio::spawn(async move {
            match probe(url).await { //~ client_built_per_iteration
                Ok(_) => print!("."),
                Err(err) => println!("{i} - {err}"),
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
}
