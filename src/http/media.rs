//! GraphQL over HTTP's content negotiation: which media type a response is sent as, and
//! what a request error (a document that does not parse or validate, variables that do not
//! coerce) looks like in each.

use async_graphql::Value;

use crate::error::code;
use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

/// The media type of a GraphQL response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    /// `application/graphql-response+json`: the status code says whether the request was
    /// well-formed (a request error is a 400).
    GraphqlResponse,
    /// `application/json`, the legacy type: every GraphQL result is a 200.
    Json,
}

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

impl Media {
    /// What `Accept` asks for, by quality, preferring `application/graphql-response+json` on a
    /// tie; no header, `*/*` or `application/*` is JSON. `None`: nothing the service speaks.
    pub fn negotiate(headers: &HeaderMap) -> Option<Self> {
        let Some(accept) = headers.get(header::ACCEPT) else {
            return Some(Self::Json);
        };
        let accept = accept.to_str().ok()?;
        let mut best: Option<(f32, Self)> = None;
        for range in accept.split(',') {
            let mut parts = range.split(';');
            let kind = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let media = match kind.as_str() {
                GRAPHQL_RESPONSE => Self::GraphqlResponse,
                "application/json" | "application/*" | "*/*" => Self::Json,
                _ => continue,
            };
            let better = match best {
                None => true,
                Some((q, current)) => {
                    quality > q
                        || (quality == q && media == Self::GraphqlResponse && current == Self::Json)
                }
            };
            if quality > 0.0 && better {
                best = Some((quality, media));
            }
        }
        best.map(|(_, media)| media)
    }

    fn content_type(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Self::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
            Self::Json => "application/json; charset=utf-8",
        })
    }

    /// A GraphQL response in this media type. A request error (nothing executed: no field
    /// has an error of its own) carries no `data`, and is a 400 in
    /// `application/graphql-response+json`.
    pub fn respond(self, response: async_graphql::Response) -> Response {
        let code_of =
            |error: &async_graphql::ServerError| match error.extensions.as_ref()?.get("code")? {
                Value::String(code) => Some(code.clone()),
                _ => None,
            };
        // A panic or a lost database before any field: the service's fault, not the request's.
        let server_error = response
            .errors
            .iter()
            .filter(|error| error.path.is_empty())
            .find_map(|error| match code_of(error).as_deref() {
                Some(code::INTERNAL_SERVER_ERROR) => Some(StatusCode::INTERNAL_SERVER_ERROR),
                Some(code::SERVICE_UNAVAILABLE) => Some(StatusCode::SERVICE_UNAVAILABLE),
                _ => None,
            });
        let request_error = server_error.is_none()
            && response.data == Value::Null
            && !response.errors.is_empty()
            && response.errors.iter().all(|error| error.path.is_empty());
        let body = if request_error {
            serde_json::to_vec(&serde_json::json!({ "errors": response.errors }))
        } else {
            serde_json::to_vec(&response)
        };
        let body = body.unwrap_or_else(|_| {
            br#"{"errors":[{"message":"Error interno del servidor"}]}"#.to_vec()
        });
        let status = match (self, server_error, request_error) {
            (Self::GraphqlResponse, Some(status), _) => status,
            (Self::GraphqlResponse, None, true) => StatusCode::BAD_REQUEST,
            _ => StatusCode::OK,
        };
        let mut http = (status, body).into_response();
        let headers = http.headers_mut();
        headers.insert(header::CONTENT_TYPE, self.content_type());
        // The answer depends on Accept; answers hold patients' data: no shared caches.
        headers.append(header::VARY, HeaderValue::from_static("accept"));
        let hinted = response
            .cache_control
            .value()
            .filter(|_| response.is_ok())
            .and_then(|value| HeaderValue::from_str(&value).ok());
        let cache = hinted.unwrap_or(HeaderValue::from_static("no-store"));
        headers.insert(header::CACHE_CONTROL, cache);
        headers.extend(response.http_headers);
        http
    }

    /// A request refused before GraphQL saw it, in the API's error shape and this media type.
    pub fn refuse(self, status: StatusCode, message: &str, code: &str) -> Response {
        let body = serde_json::json!({
            "errors": [{ "message": message, "extensions": { "code": code } }]
        });
        let mut http = (status, body.to_string()).into_response();
        let headers = http.headers_mut();
        headers.insert(header::CONTENT_TYPE, self.content_type());
        headers.append(header::VARY, HeaderValue::from_static("accept"));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        http
    }
}

/// 406: the client accepts no media type a GraphQL response can be sent as.
pub fn not_acceptable() -> Response {
    let message = "Acepte application/graphql-response+json o application/json";
    Media::Json.refuse(
        StatusCode::NOT_ACCEPTABLE,
        message,
        crate::error::code::BAD_USER_INPUT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> Option<Media> {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        Media::negotiate(&headers)
    }

    #[test]
    fn accept_picks_by_quality_and_prefers_graphql_response_json() {
        assert_eq!(Media::negotiate(&HeaderMap::new()), Some(Media::Json));
        assert_eq!(accept("application/json"), Some(Media::Json));
        assert_eq!(accept("*/*"), Some(Media::Json));
        assert_eq!(accept(GRAPHQL_RESPONSE), Some(Media::GraphqlResponse));
        let both = "application/json, application/graphql-response+json";
        assert_eq!(accept(both), Some(Media::GraphqlResponse));
        let weighted = "application/graphql-response+json;q=0.5, application/json";
        assert_eq!(accept(weighted), Some(Media::Json));
        assert_eq!(accept("text/html"), None);
        assert_eq!(accept("application/json;q=0"), None);
    }
}
