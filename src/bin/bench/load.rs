//! The load generator: keep-alive HTTP/1.1 connections, each sending one request and waiting
//! for its answer before the next (closed loop), as an SPA's users do.

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

/// Builds the JSON body of the n-th request of a scenario.
pub type Body = Arc<dyn Fn(u64) -> String + Send + Sync>;

#[derive(Default)]
pub struct Outcome {
    pub requests: u64,
    pub errors: u64,
    /// Answers refusing with one of the scenario's expected user errors (a booking past the
    /// quota): not errors, and counted apart.
    pub refused: u64,
    pub first_error: Option<String>,
    /// Microseconds, sorted.
    pub latencies: Vec<u32>,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    /// The latency at quantile `q` (0..=1), in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        if self.latencies.is_empty() {
            return 0.0;
        }
        let at = ((self.latencies.len() - 1) as f64 * q).round() as usize;
        f64::from(self.latencies[at]) / 1000.0
    }
}

/// Drives `connections` clients, each POSTing to `path` on one of `addrs` (client i on
/// `addrs[i % len]`: a round-robin balancer of connections), for `duration`; `seq` numbers
/// requests across the whole run.
#[allow(clippy::too_many_arguments)] // one load, described in full
pub async fn drive(
    addrs: &[SocketAddr],
    path: &'static str,
    token: Arc<str>,
    body: Body,
    refusals: &'static [&'static str],
    connections: usize,
    duration: Duration,
    seq: Arc<AtomicU64>,
) -> Outcome {
    let started = Instant::now();
    let deadline = started + duration;
    let clients: Vec<_> = (0..connections)
        .map(|i| {
            let addr = addrs[i % addrs.len()];
            let (token, body, seq) = (token.clone(), body.clone(), seq.clone());
            tokio::spawn(async move {
                client(addr, path, &token, &body, refusals, deadline, &seq).await
            })
        })
        .collect();
    let mut outcome = Outcome::default();
    for client in clients {
        let one = client.await.expect("a load client panicked");
        outcome.requests += one.requests;
        outcome.errors += one.errors;
        outcome.refused += one.refused;
        outcome.first_error = outcome.first_error.or(one.first_error);
        outcome.latencies.extend(one.latencies);
    }
    outcome.elapsed = started.elapsed();
    outcome.latencies.sort_unstable();
    outcome
}

async fn client(
    addr: SocketAddr,
    path: &str,
    token: &str,
    body: &Body,
    refusals: &[&str],
    deadline: Instant,
    seq: &AtomicU64,
) -> Outcome {
    let mut outcome = Outcome::default();
    let mut stream = None;
    let mut buf = Vec::with_capacity(64 * 1024);
    while Instant::now() < deadline {
        let body = body(seq.fetch_add(1, Ordering::Relaxed));
        let request = request(path, token, &body);
        let sent = Instant::now();
        let answer = match &mut stream {
            Some(s) => exchange(s, request.as_bytes(), &mut buf).await,
            None => match TcpStream::connect(addr).await {
                Ok(s) => {
                    let _ = s.set_nodelay(true);
                    exchange(stream.insert(s), request.as_bytes(), &mut buf).await
                }
                Err(e) => Err(e.to_string()),
            },
        };
        let micros = u32::try_from(sent.elapsed().as_micros()).unwrap_or(u32::MAX);
        outcome.requests += 1;
        outcome.latencies.push(micros);
        let failure = match answer {
            Ok((200, body)) if is_clean(body) => None,
            Ok((200, body)) if is_refusal(body, refusals) => {
                outcome.refused += 1;
                None
            }
            Ok((status, body)) => Some(format!("{status}: {}", String::from_utf8_lossy(body))),
            Err(err) => {
                stream = None;
                Some(err)
            }
        };
        if let Some(failure) = failure {
            outcome.errors += 1;
            outcome.first_error.get_or_insert(failure);
        }
    }
    outcome
}

/// One request on a connection of its own: the answer's JSON, if it was a 200.
pub async fn answer(
    addr: SocketAddr,
    path: &str,
    token: &str,
    body: &str,
) -> Result<serde_json::Value, String> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    match exchange(&mut stream, request(path, token, body).as_bytes(), &mut buf).await? {
        (200, body) => serde_json::from_slice(body).map_err(|e| e.to_string()),
        (status, body) => Err(format!("{status}: {}", String::from_utf8_lossy(body))),
    }
}

fn request(path: &str, token: &str, body: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n\
         Authorization: Bearer {token}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// A GraphQL answer without errors and without user errors.
fn is_clean(body: &[u8]) -> bool {
    let contains = |needle: &[u8]| body.windows(needle.len()).any(|w| w == needle);
    !contains(br#""errors""#) && !contains(br#""userErrors":[{"#)
}

/// A GraphQL answer without errors whose user errors are all of the `expected` codes.
fn is_refusal(body: &[u8], expected: &[&str]) -> bool {
    let Ok(answer) = serde_json::from_slice::<serde_json::Value>(body) else {
        return false;
    };
    let payloads = answer.get("data").and_then(|d| d.as_object());
    answer.get("errors").is_none()
        && payloads.is_some_and(|payloads| {
            payloads.values().all(|payload| {
                payload["userErrors"].as_array().is_some_and(|errors| {
                    !errors.is_empty()
                        && errors
                            .iter()
                            .all(|e| expected.iter().any(|code| e["code"] == *code))
                })
            })
        })
}

/// Writes one request and reads one response: (status, body).
async fn exchange<'b>(
    stream: &mut TcpStream,
    request: &[u8],
    buf: &'b mut Vec<u8>,
) -> Result<(u16, &'b [u8]), String> {
    stream.write_all(request).await.map_err(|e| e.to_string())?;
    buf.clear();
    let head_end = loop {
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        read_more(stream, buf).await?;
    };
    let head = std::str::from_utf8(&buf[..head_end]).map_err(|e| e.to_string())?;
    let status: u16 = head
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or("malformed status line")?;
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .ok_or("response without Content-Length")?;
    while buf.len() < head_end + length {
        read_more(stream, buf).await?;
    }
    Ok((status, &buf[head_end..head_end + length]))
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Result<(), String> {
    let mut chunk = [0u8; 16 * 1024];
    match stream.read(&mut chunk).await {
        Ok(0) => Err("connection closed".into()),
        Ok(n) => {
            buf.extend_from_slice(&chunk[..n]);
            Ok(())
        }
        Err(e) => Err(e.to_string()),
    }
}
