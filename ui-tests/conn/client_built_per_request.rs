// client_built_per_iteration: request handlers that build a client or a connection on
// every request and drop it when they return (axum extractors, actix-web's and poem's
// routing attributes).
use std::time::Duration;

use actix_web::{get, web, HttpResponse, Responder};
use axum::extract::{Json, State};
use serde_json::Value;

#[derive(Clone)]
pub struct AppState {
    pub upstream: String,
    pub redis: redis::Client,
}

pub async fn proxy(State(state): State<AppState>, Json(body): Json<Value>) -> Result<Json<Value>, String> {
    let client = reqwest::Client::builder() //~ client_built_per_iteration
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())?;
    let res = client
        .post(&state.upstream)
        .json(&body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    res.json().await.map(Json).map_err(|e| e.to_string())
}

pub async fn take_lock(State(state): State<AppState>, Json(key): Json<String>) -> Result<Json<bool>, String> {
    let mut con = state //~ client_built_per_iteration
        .redis
        .get_multiplexed_async_connection()
        .await
        .map_err(|e| e.to_string())?;
    let taken: bool = redis::cmd("SET")
        .arg(&key)
        .arg(1)
        .arg("NX")
        .query_async(&mut con)
        .await
        .map_err(|e| e.to_string())?;
    Ok(Json(taken))
}

#[get("/weather/{city}")]
async fn weather(city: web::Path<String>) -> impl Responder {
    let url = format!("https://wttr.in/{}?format=3", city.into_inner());
    match reqwest::get(&url).await { //~ client_built_per_iteration
        Ok(res) => HttpResponse::Ok().body(res.text().await.unwrap_or_default()),
        Err(e) => HttpResponse::BadGateway().body(e.to_string()),
    }
}
