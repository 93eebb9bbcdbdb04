//! The online dblp client: the search API and record endpoint over HTTP,
//! politely.
//!
//! - one global rate limit (default 1 request/s) shared by all work, and a bound
//!   on requests in flight;
//! - `Retry-After` (seconds or HTTP date) on 429/503 pauses *all* work, not just
//!   the request that got it;
//! - exponential backoff with jitter on 5xx, timeouts, resets and malformed or
//!   truncated bodies, within a retry budget for the whole run;
//! - failover to dblp's mirrors on connection errors and 5xx;
//! - an on-disk cache of verified responses: a second run makes no request, and
//!   a damaged cache file is detected (checksum) and fetched again.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use paperlist_model::DblpKey;
use sha2::{Digest, Sha256};
use tokio::sync::{Mutex, Semaphore};

use crate::formats::{SearchResults, parse_records, parse_search_json, parse_search_xml};
use crate::record::DblpRecord;

/// dblp and its mirrors, tried in this order when `--dblp-url` is not given.
pub const MIRRORS: &[&str] = &[
    "https://dblp.org",
    "https://dblp.uni-trier.de",
    "https://dblp.dagstuhl.de",
];

/// A source of dblp records: the online API, an offline index, a test fake.
pub trait RecordSource: Send + Sync {
    /// Publication search: up to `max_hits` records, best first.
    fn search(
        &self,
        query: &str,
        max_hits: usize,
    ) -> impl Future<Output = Result<SearchResults, SourceError>> + Send;
    /// One record by key; `None` when dblp has no such record.
    fn fetch(
        &self,
        key: &DblpKey,
    ) -> impl Future<Output = Result<Option<DblpRecord>, SourceError>> + Send;
}

/// What went wrong talking to dblp.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SourceErrorKind {
    /// No answer in time.
    Timeout,
    /// dblp asked us to slow down (429/503) more often than the retries allow.
    RateLimited,
    /// An HTTP status that retrying did not fix.
    Status(u16),
    /// The connection failed.
    Connect,
    /// The answer could not be read (malformed or truncated).
    Malformed,
    /// The run's retry budget is spent.
    BudgetExhausted,
}

/// An error from a [`RecordSource`], with what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    kind: SourceErrorKind,
    url: String,
    detail: String,
}

impl SourceError {
    fn new(kind: SourceErrorKind, url: &str, detail: impl Into<String>) -> SourceError {
        SourceError {
            kind,
            url: url.to_owned(),
            detail: detail.into(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> &SourceErrorKind {
        &self.kind
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.kind == SourceErrorKind::Timeout
    }

    /// Whether dblp kept asking us to slow down.
    pub fn is_rate_limited(&self) -> bool {
        self.kind == SourceErrorKind::RateLimited
    }

    /// The HTTP status, when the failure was one.
    pub fn status(&self) -> Option<u16> {
        match self.kind {
            SourceErrorKind::Status(code) => Some(code),
            _ => None,
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.kind {
            SourceErrorKind::Timeout => "timed out".to_owned(),
            SourceErrorKind::RateLimited => "rate limited by dblp".to_owned(),
            SourceErrorKind::Status(code) => format!("HTTP status {code}"),
            SourceErrorKind::Connect => "could not connect".to_owned(),
            SourceErrorKind::Malformed => "malformed response".to_owned(),
            SourceErrorKind::BudgetExhausted => "retry budget exhausted".to_owned(),
        };
        write!(f, "dblp request {} {what}", self.url)?;
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

impl std::error::Error for SourceError {}

/// Which search response format to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResponseFormat {
    /// `format=xml`.
    #[default]
    Xml,
    /// `format=json`.
    Json,
}

/// How the client behaves.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Base URLs, tried in order on connection errors and 5xx.
    pub base_urls: Vec<String>,
    /// Requests per second, for the whole run.
    pub rate: f64,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Time allowed for one request.
    pub timeout: Duration,
    /// Attempts per request after the first.
    pub retries: u32,
    /// Retries allowed in the whole run.
    pub retry_budget: u32,
    /// First backoff; doubles each attempt, with jitter.
    pub backoff: Duration,
    /// Where responses are cached; `None` for no cache.
    pub cache_dir: Option<PathBuf>,
    /// Ignore cached responses (and replace them).
    pub refresh: bool,
    /// Search response format.
    pub format: ResponseFormat,
    /// The User-Agent sent with every request.
    pub user_agent: String,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            base_urls: MIRRORS.iter().map(|m| (*m).to_owned()).collect(),
            rate: 1.0,
            concurrency: 2,
            timeout: Duration::from_secs(20),
            retries: 4,
            retry_budget: 200,
            backoff: Duration::from_millis(500),
            cache_dir: None,
            refresh: false,
            format: ResponseFormat::Xml,
            user_agent: format!(
                "paperlist/{} (+https://github.com/paperlist/paperlist)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// Counters of what the client did.
#[derive(Debug, Default)]
pub struct ClientStats {
    requests: AtomicUsize,
    cache_hits: AtomicUsize,
    retries: AtomicUsize,
    rate_limited: AtomicUsize,
    corrupt_cache: AtomicUsize,
    failures: AtomicUsize,
    waited_ms: AtomicU64,
}

/// A snapshot of [`ClientStats`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatsSnapshot {
    /// HTTP requests sent.
    pub requests: usize,
    /// Answers served from the cache.
    pub cache_hits: usize,
    /// Requests sent again after a failure.
    pub retries: usize,
    /// 429/503 answers received.
    pub rate_limited: usize,
    /// Cache files found damaged and fetched again.
    pub corrupt_cache: usize,
    /// Requests that failed for good.
    pub failures: usize,
}

/// Spaces requests evenly: each takes the next free slot `1/rate` apart; a
/// `Retry-After` moves the next slot for everyone.
#[derive(Debug)]
struct RateLimiter {
    interval: Duration,
    next: Mutex<Instant>,
}

impl RateLimiter {
    fn new(rate: f64) -> RateLimiter {
        // Spaced 10% wider than 1/rate: requests leave on their slots, but the
        // network delays some more than others, and what counts is the rate
        // dblp sees (measured against the fake: without the margin, 21 arrived
        // within one second at a limit of 20).
        let interval = if rate > 0.0 {
            Duration::from_secs_f64(1.1 / rate)
        } else {
            Duration::ZERO
        };
        RateLimiter {
            interval,
            next: Mutex::new(Instant::now()),
        }
    }

    /// Waits for this request's slot; returns how long it waited.
    async fn acquire(&self) -> Duration {
        let wait = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let slot = (*next).max(now);
            *next = slot + self.interval;
            slot - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        wait
    }

    /// No request starts before `until`.
    async fn pause_until(&self, until: Instant) {
        let mut next = self.next.lock().await;
        if *next < until {
            *next = until;
        }
    }
}

/// The online client. Cheap to share (`Arc` inside).
#[derive(Debug, Clone)]
pub struct DblpClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    options: ClientOptions,
    limiter: RateLimiter,
    in_flight: Semaphore,
    retries_left: AtomicUsize,
    /// The mirror in use; moves on when one refuses connections or fails.
    mirror: AtomicUsize,
    stats: ClientStats,
}

/// One failed attempt: whether to try again, and after how long at least.
enum Attempt {
    Done(String),
    NotFound,
    Retry {
        error: SourceError,
        after: Option<Duration>,
        next_mirror: bool,
    },
    Fail(SourceError),
}

impl DblpClient {
    /// A client with these options.
    pub fn new(options: ClientOptions) -> Result<DblpClient, SourceError> {
        let http = reqwest::Client::builder()
            .user_agent(options.user_agent.clone())
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|e| SourceError::new(SourceErrorKind::Connect, "", e.to_string()))?;
        let concurrency = options.concurrency.max(1);
        let inner = Inner {
            http,
            limiter: RateLimiter::new(options.rate),
            in_flight: Semaphore::new(concurrency),
            retries_left: AtomicUsize::new(options.retry_budget as usize),
            mirror: AtomicUsize::new(0),
            stats: ClientStats::default(),
            options,
        };
        Ok(DblpClient {
            inner: Arc::new(inner),
        })
    }

    /// What the client has done so far.
    pub fn stats(&self) -> StatsSnapshot {
        let s = &self.inner.stats;
        StatsSnapshot {
            requests: s.requests.load(Ordering::Relaxed),
            cache_hits: s.cache_hits.load(Ordering::Relaxed),
            retries: s.retries.load(Ordering::Relaxed),
            rate_limited: s.rate_limited.load(Ordering::Relaxed),
            corrupt_cache: s.corrupt_cache.load(Ordering::Relaxed),
            failures: s.failures.load(Ordering::Relaxed),
        }
    }

    fn cache_path(&self, request: &str) -> Option<PathBuf> {
        let dir = self.inner.options.cache_dir.as_ref()?;
        let hash = hex(&Sha256::digest(request.as_bytes()));
        Some(dir.join(&hash[..2]).join(format!("{hash}.response")))
    }

    /// A cached body, if present and intact.
    fn cached(&self, request: &str) -> Option<String> {
        if self.inner.options.refresh {
            return None;
        }
        let path = self.cache_path(request)?;
        let text = std::fs::read_to_string(&path).ok()?;
        // Header: "paperlist-cache 1 <sha256 of body> <request>\n", then the body.
        let (header, body) = text.split_once('\n')?;
        let mut parts = header.splitn(4, ' ');
        let intact = parts.next() == Some("paperlist-cache")
            && parts.next() == Some("1")
            && parts.next() == Some(hex(&Sha256::digest(body.as_bytes())).as_str())
            && parts.next() == Some(request);
        if intact {
            self.inner.stats.cache_hits.fetch_add(1, Ordering::Relaxed);
            Some(body.to_owned())
        } else {
            self.inner
                .stats
                .corrupt_cache
                .fetch_add(1, Ordering::Relaxed);
            None
        }
    }

    /// Stores a body that was read successfully (temp file + rename).
    fn store(&self, request: &str, body: &str) {
        let Some(path) = self.cache_path(request) else {
            return;
        };
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let content = format!(
            "paperlist-cache 1 {} {request}\n{body}",
            hex(&Sha256::digest(body.as_bytes()))
        );
        let temp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&temp, content).is_ok() {
            // A failed cache write only costs a request next time.
            let _ = std::fs::rename(&temp, &path);
        }
    }

    fn take_retry(&self) -> bool {
        self.inner
            .retries_left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(1)
            })
            .is_ok()
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let base = self.inner.options.backoff.as_secs_f64() * 2f64.powi(attempt.min(6) as i32);
        // Full jitter keeps many clients from retrying in step.
        Duration::from_secs_f64(base * (0.5 + fastrand::f64()))
    }

    async fn attempt(&self, base: &str, request: &str) -> Attempt {
        let url = format!("{}{request}", base.trim_end_matches('/'));
        let _permit = self.inner.in_flight.acquire().await;
        let waited = self.inner.limiter.acquire().await;
        self.inner
            .stats
            .waited_ms
            .fetch_add(waited.as_millis() as u64, Ordering::Relaxed);
        self.inner.stats.requests.fetch_add(1, Ordering::Relaxed);
        let response = match self.inner.http.get(&url).send().await {
            Ok(response) => response,
            // A slow server is alive: wait and ask it again rather than move.
            Err(error) if error.is_timeout() => {
                return Attempt::Retry {
                    error: SourceError::new(SourceErrorKind::Timeout, &url, ""),
                    after: None,
                    next_mirror: false,
                };
            }
            Err(error) => {
                return Attempt::Retry {
                    error: SourceError::new(SourceErrorKind::Connect, &url, error.to_string()),
                    after: None,
                    next_mirror: true,
                };
            }
        };
        let status = response.status().as_u16();
        if status == 404 {
            return Attempt::NotFound;
        }
        if status == 429 || status == 503 {
            self.inner
                .stats
                .rate_limited
                .fetch_add(1, Ordering::Relaxed);
            let after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(retry_after);
            let after = after.unwrap_or(Duration::from_secs(5));
            self.inner.limiter.pause_until(Instant::now() + after).await;
            let kind = if status == 429 {
                SourceErrorKind::RateLimited
            } else {
                SourceErrorKind::Status(503)
            };
            return Attempt::Retry {
                error: SourceError::new(kind, &url, format!("Retry-After {after:?}")),
                after: Some(after),
                next_mirror: false,
            };
        }
        if status >= 500 {
            return Attempt::Retry {
                error: SourceError::new(SourceErrorKind::Status(status), &url, ""),
                after: None,
                next_mirror: true,
            };
        }
        if !(200..300).contains(&status) {
            return Attempt::Fail(SourceError::new(SourceErrorKind::Status(status), &url, ""));
        }
        match response.text().await {
            Ok(body) => Attempt::Done(body),
            Err(error) if error.is_timeout() => Attempt::Retry {
                error: SourceError::new(SourceErrorKind::Timeout, &url, "while reading the body"),
                after: None,
                next_mirror: true,
            },
            Err(error) => Attempt::Retry {
                error: SourceError::new(SourceErrorKind::Malformed, &url, error.to_string()),
                after: None,
                next_mirror: false,
            },
        }
    }

    /// GETs `request` (path and query) and reads it with `read`; retries until
    /// the body reads, then caches it. `Ok(None)` for 404.
    async fn get<T>(
        &self,
        request: &str,
        read: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, SourceError> {
        if let Some(body) = self.cached(request)
            && let Ok(value) = read(&body)
        {
            return Ok(Some(value));
        }
        let bases = &self.inner.options.base_urls;
        let mut attempt = 0u32;
        loop {
            let mirror = self.inner.mirror.load(Ordering::Relaxed);
            let base = bases
                .get(mirror % bases.len().max(1))
                .map(String::as_str)
                .unwrap_or("https://dblp.org");
            let (error, after, next_mirror) = match self.attempt(base, request).await {
                Attempt::Done(body) => match read(&body) {
                    Ok(value) => {
                        self.store(request, &body);
                        return Ok(Some(value));
                    }
                    // A truncated or malformed body: ask again.
                    Err(detail) => (
                        SourceError::new(
                            SourceErrorKind::Malformed,
                            &format!("{base}{request}"),
                            detail,
                        ),
                        None,
                        false,
                    ),
                },
                Attempt::NotFound => return Ok(None),
                Attempt::Fail(error) => {
                    self.inner.stats.failures.fetch_add(1, Ordering::Relaxed);
                    return Err(error);
                }
                Attempt::Retry {
                    error,
                    after,
                    next_mirror,
                } => (error, after, next_mirror),
            };
            if attempt >= self.inner.options.retries {
                self.inner.stats.failures.fetch_add(1, Ordering::Relaxed);
                return Err(error);
            }
            if !self.take_retry() {
                self.inner.stats.failures.fetch_add(1, Ordering::Relaxed);
                return Err(SourceError::new(
                    SourceErrorKind::BudgetExhausted,
                    &error.url,
                    error.to_string(),
                ));
            }
            self.inner.stats.retries.fetch_add(1, Ordering::Relaxed);
            if next_mirror && bases.len() > 1 {
                // Every request moves to the next mirror, and stays there.
                let _ = self.inner.mirror.compare_exchange(
                    mirror,
                    mirror + 1,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                );
            }
            // Retry-After already moved everyone's next slot; otherwise back off.
            if after.is_none() {
                tokio::time::sleep(self.backoff(attempt)).await;
            }
            attempt += 1;
        }
    }
}

impl RecordSource for DblpClient {
    async fn search(&self, query: &str, max_hits: usize) -> Result<SearchResults, SourceError> {
        let format = match self.inner.options.format {
            ResponseFormat::Xml => "xml",
            ResponseFormat::Json => "json",
        };
        let request = format!(
            "/search/publ/api?q={}&format={format}&h={max_hits}&c=0",
            encode_query(query)
        );
        let json = self.inner.options.format == ResponseFormat::Json;
        let read = |body: &str| {
            if json {
                parse_search_json(body)
            } else {
                parse_search_xml(body)
            }
            .map_err(|e| e.to_string())
        };
        Ok(self.get(&request, read).await?.unwrap_or_default())
    }

    async fn fetch(&self, key: &DblpKey) -> Result<Option<DblpRecord>, SourceError> {
        let request = format!("/rec/{}.xml", key.as_str());
        let read = |body: &str| {
            let records = parse_records(body).map_err(|e| e.to_string())?;
            records
                .into_iter()
                .find(|r| &r.key == key)
                .ok_or_else(|| "no record with that key in the answer".to_owned())
        };
        self.get(&request, read).await
    }
}

/// `Retry-After` in seconds or as an HTTP date.
pub fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds.min(3600)));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO)
            .min(Duration::from_secs(3600)),
    )
}

/// Percent-encodes a query for the search API (spaces as `+`).
fn encode_query(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    for byte in query.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'*' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(retry_after("7"), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(30);
        let header = httpdate::fmt_http_date(later);
        let parsed = retry_after(&header).unwrap();
        assert!(
            parsed <= Duration::from_secs(30) && parsed >= Duration::from_secs(28),
            "{parsed:?}"
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn queries_are_encoded() {
        assert_eq!(encode_query("ray: a framework"), "ray%3A+a+framework");
        assert_eq!(encode_query("jiří"), "ji%C5%99%C3%AD");
    }
}
