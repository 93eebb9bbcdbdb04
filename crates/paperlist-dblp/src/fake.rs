//! A fake dblp server for tests and demos (feature `fake`): the search API in
//! XML and JSON and `/rec/KEY.xml`, answered from a list of records in the real
//! formats and with their quirks (CRLF XML, one author as a JSON object not a
//! list, no `hit` when nothing matches, `&apos;` inside JSON strings, upper-case
//! DOIs, titles ending in `.`, US-ASCII record XML with numeric references),
//! plus the faults a real server has: 429 with `Retry-After` (seconds or HTTP
//! date), 500 and 503, slow answers, truncated and malformed bodies. It counts
//! the requests it gets and the smallest gap between two, so tests can check
//! the client's politeness.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use paperlist_model::normalize::{fold, title_words};

use crate::record::{DblpRecord, RecordKind};

/// Faults to inject, each every Nth request (counted over all requests).
#[derive(Debug, Clone, Default)]
pub struct FakeConfig {
    /// Answer 429 with `Retry-After` every Nth request.
    pub rate_limit_every: Option<usize>,
    /// The `Retry-After` to send, in seconds.
    pub retry_after_seconds: u64,
    /// Send `Retry-After` as an HTTP date instead of seconds.
    pub retry_after_as_date: bool,
    /// Answer 500 every Nth request.
    pub error_every: Option<usize>,
    /// Answer 503 (with `Retry-After`) every Nth request.
    pub unavailable_every: Option<usize>,
    /// Answer slowly (after `slow_delay`) every Nth request.
    pub slow_every: Option<usize>,
    /// How slow a slow answer is.
    pub slow_delay: Duration,
    /// Cut the body in half every Nth request.
    pub truncate_every: Option<usize>,
    /// Send an HTML error page with status 200 every Nth request.
    pub malformed_every: Option<usize>,
}

/// What the fake saw.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FakeStats {
    /// Requests received.
    pub requests: usize,
    /// Search requests.
    pub searches: usize,
    /// Record requests.
    pub records: usize,
    /// The smallest time between two requests, in seconds (`None` with fewer than two).
    pub min_gap_seconds: Option<f64>,
    /// Most requests seen within any one second.
    pub max_per_second: usize,
}

#[derive(Debug)]
struct Shared {
    records: Vec<DblpRecord>,
    by_key: HashMap<String, usize>,
    config: FakeConfig,
    times: Mutex<Vec<Instant>>,
    kinds: Mutex<(usize, usize)>,
}

/// A running fake server; stops when dropped.
#[derive(Debug)]
pub struct FakeDblp {
    address: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl FakeDblp {
    /// Starts a server on `127.0.0.1:port` (0 for any free port) on the current tokio runtime.
    pub async fn start(
        records: Vec<DblpRecord>,
        config: FakeConfig,
        port: u16,
    ) -> std::io::Result<FakeDblp> {
        let by_key = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.key.as_str().to_owned(), i))
            .collect();
        let shared = Arc::new(Shared {
            records,
            by_key,
            config,
            times: Mutex::new(Vec::new()),
            kinds: Mutex::new((0, 0)),
        });
        let app = Router::new()
            .route("/search/publ/api", get(search))
            .route("/rec/{*key}", get(record))
            .with_state(Arc::clone(&shared));
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let address = listener.local_addr()?;
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            // The server ends when told; its errors end it the same way.
            let _ = serve.await;
        });
        Ok(FakeDblp {
            address,
            shared,
            shutdown: Some(shutdown),
        })
    }

    /// The base URL to give the client (`http://127.0.0.1:PORT`).
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// What the server has seen so far.
    pub fn stats(&self) -> FakeStats {
        let times = self
            .shared
            .times
            .lock()
            .map(|t| t.clone())
            .unwrap_or_default();
        let kinds = self.shared.kinds.lock().map(|k| *k).unwrap_or_default();
        let min_gap_seconds = times
            .windows(2)
            .map(|w| (w[1] - w[0]).as_secs_f64())
            .reduce(f64::min);
        let mut max_per_second = 0;
        let mut start = 0;
        for end in 0..times.len() {
            while times[end] - times[start] >= Duration::from_secs(1) {
                start += 1;
            }
            max_per_second = max_per_second.max(end - start + 1);
        }
        FakeStats {
            requests: times.len(),
            searches: kinds.0,
            records: kinds.1,
            min_gap_seconds,
            max_per_second,
        }
    }
}

impl Drop for FakeDblp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

/// Counts the request and applies the configured fault, if this request gets one.
async fn fault(shared: &Shared, search: bool) -> Option<Response> {
    let n = {
        let mut times = shared.times.lock().ok()?;
        times.push(Instant::now());
        times.len()
    };
    if let Ok(mut kinds) = shared.kinds.lock() {
        if search {
            kinds.0 += 1;
        } else {
            kinds.1 += 1;
        }
    }
    let every = |setting: Option<usize>| setting.is_some_and(|k| k > 0 && n % k == 0);
    let config = &shared.config;
    if every(config.slow_every) {
        tokio::time::sleep(config.slow_delay).await;
    }
    let retry_after = || {
        if config.retry_after_as_date {
            httpdate::fmt_http_date(
                SystemTime::now() + Duration::from_secs(config.retry_after_seconds),
            )
        } else {
            config.retry_after_seconds.to_string()
        }
    };
    if every(config.rate_limit_every) {
        return Some(
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, retry_after())],
                "Too Many Requests",
            )
                .into_response(),
        );
    }
    if every(config.unavailable_every) {
        return Some(
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, retry_after())],
                "Service Unavailable",
            )
                .into_response(),
        );
    }
    if every(config.error_every) {
        return Some((StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response());
    }
    if every(config.malformed_every) {
        return Some(
            (
                StatusCode::OK,
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
            )
                .into_response(),
        );
    }
    None
}

fn truncate_if(shared: &Shared, body: String) -> String {
    let n = shared.times.lock().map(|t| t.len()).unwrap_or(0);
    match shared.config.truncate_every {
        Some(k) if k > 0 && n % k == 0 => {
            let mut cut = body.len() / 2;
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            body[..cut].to_owned()
        }
        _ => body,
    }
}

/// dblp-like search: every query word must match a word of the title, an
/// author, the venue or the year (a word ending in `*` matches as a prefix);
/// exact-word matches rank first, then newer records.
fn find(records: &[DblpRecord], query: &str) -> Vec<usize> {
    // Like dblp, a hyphenated query word (`het-gmp`) matches its parts.
    let words = title_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, i32)> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let mut tokens: Vec<String> = title_words(&record.title);
        for author in &record.authors {
            tokens.extend(
                fold(&author.name)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
        if let Some(venue) = &record.venue {
            tokens.extend(
                fold(venue)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
        if let Some(year) = record.year {
            tokens.push(year.to_string());
        }
        let mut exact = 0;
        let all = words.iter().all(|word| {
            if tokens.contains(word) {
                exact += 1;
                true
            } else {
                tokens.iter().any(|t| t.starts_with(word.as_str()))
            }
        });
        if all {
            found.push((i, exact, record.year.unwrap_or(0)));
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)));
    found.into_iter().map(|(i, _, _)| i).collect()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Non-ASCII as numeric references, as `rec/KEY.xml` (US-ASCII) does.
fn ascii_xml(text: &str) -> String {
    xml_escape(text)
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("&#{};", c as u32)
            }
        })
        .collect()
}

fn search_type(record: &DblpRecord) -> &'static str {
    if record.informal {
        return "Informal and Other Publications";
    }
    match record.kind {
        RecordKind::Inproceedings => "Conference and Workshop Papers",
        RecordKind::Article => "Journal Articles",
        RecordKind::Incollection => "Parts in Books or Collections",
        RecordKind::Proceedings => "Editorship",
        RecordKind::Book | RecordKind::Thesis => "Books and Theses",
        RecordKind::Other => "Informal and Other Publications",
    }
}

fn render_xml(records: &[&DblpRecord], total: usize, query: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<result>\r\n");
    out.push_str(&format!("<query id=\"1\">{}</query>\r\n<status code=\"200\">OK</status>\r\n<time unit=\"msecs\">1.00</time>\r\n", xml_escape(query)));
    out.push_str("<completions total=\"0\" computed=\"0\" sent=\"0\">\r\n</completions>\r\n");
    if records.is_empty() {
        out.push_str(&format!("<hits total=\"{total}\" computed=\"{total}\" sent=\"0\" first=\"0\">\r\n</hits>\r\n</result>\r\n"));
        return out;
    }
    out.push_str(&format!(
        "<hits total=\"{total}\" computed=\"{total}\" sent=\"{}\" first=\"0\">\r\n",
        records.len()
    ));
    for (i, r) in records.iter().enumerate() {
        out.push_str(&format!("<hit score=\"1\" id=\"{}\">\r\n<info>", i + 1));
        if !r.authors.is_empty() {
            out.push_str("<authors>");
            for a in &r.authors {
                match &a.pid {
                    Some(pid) => out.push_str(&format!(
                        "<author pid=\"{}\">{}</author>",
                        xml_escape(pid),
                        xml_escape(&a.name)
                    )),
                    None => out.push_str(&format!("<author>{}</author>", xml_escape(&a.name))),
                }
            }
            out.push_str("</authors>");
        }
        out.push_str(&format!("<title>{}.</title>", xml_escape(&r.title)));
        for (tag, value) in [
            ("venue", &r.venue),
            ("volume", &r.volume),
            ("number", &r.number),
            ("pages", &r.pages),
        ] {
            if let Some(value) = value {
                out.push_str(&format!("<{tag}>{}</{tag}>", xml_escape(value)));
            }
        }
        if let Some(year) = r.year {
            out.push_str(&format!("<year>{year}</year>"));
        }
        out.push_str(&format!(
            "<type>{}</type><access>closed</access><key>{}</key>",
            search_type(r),
            r.key
        ));
        if let Some(doi) = &r.doi {
            out.push_str(&format!(
                "<doi>{}</doi>",
                xml_escape(&doi.as_str().to_ascii_uppercase())
            ));
        }
        for ee in &r.ee {
            out.push_str(&format!("<ee>{}</ee>", xml_escape(ee)));
        }
        out.push_str(&format!(
            "<url>https://dblp.org/rec/{}</url></info>\r\n<url>URL#{}</url>\r\n</hit>\r\n",
            r.key,
            i + 1
        ));
    }
    out.push_str("</hits>\r\n</result>\r\n");
    out
}

/// dblp's JSON keeps entity text in strings.
fn json_text(text: &str) -> serde_json::Value {
    serde_json::Value::String(text.replace('\'', "&apos;"))
}

fn render_json(records: &[&DblpRecord], total: usize, query: &str) -> String {
    use serde_json::{Map, Value, json};
    let hits: Vec<Value> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut info = Map::new();
            if !r.authors.is_empty() {
                let authors: Vec<Value> = r
                    .authors
                    .iter()
                    .map(|a| match &a.pid {
                        Some(pid) => json!({"@pid": pid, "text": json_text(&a.name)}),
                        None => json_text(&a.name),
                    })
                    .collect();
                // One author is an object, not a list.
                let author = if authors.len() == 1 { authors[0].clone() } else { Value::Array(authors) };
                info.insert("authors".into(), json!({ "author": author }));
            }
            info.insert("title".into(), json_text(&format!("{}.", r.title)));
            for (tag, value) in [("venue", &r.venue), ("volume", &r.volume), ("number", &r.number), ("pages", &r.pages)] {
                if let Some(value) = value {
                    info.insert(tag.into(), json_text(value));
                }
            }
            if let Some(year) = r.year {
                info.insert("year".into(), json!(year.to_string()));
            }
            info.insert("type".into(), json!(search_type(r)));
            info.insert("access".into(), json!("closed"));
            info.insert("key".into(), json!(r.key.as_str()));
            if let Some(doi) = &r.doi {
                info.insert("doi".into(), json!(doi.as_str().to_ascii_uppercase()));
            }
            match r.ee.len() {
                0 => {}
                1 => {
                    info.insert("ee".into(), json!(r.ee[0]));
                }
                _ => {
                    info.insert("ee".into(), json!(r.ee));
                }
            }
            info.insert("url".into(), json!(format!("https://dblp.org/rec/{}", r.key)));
            json!({ "@score": "1", "@id": (i + 1).to_string(), "info": Value::Object(info), "url": format!("URL#{}", i + 1) })
        })
        .collect();
    let mut hits_object = json!({ "@total": total.to_string(), "@computed": total.to_string(), "@sent": hits.len().to_string(), "@first": "0" });
    if !hits.is_empty()
        && let Some(object) = hits_object.as_object_mut()
    {
        object.insert("hit".into(), Value::Array(hits));
    }
    let result = json!({ "result": {
        "query": query,
        "status": { "@code": "200", "text": "OK" },
        "time": { "@unit": "msecs", "text": "1.00" },
        "completions": { "@total": "0", "@computed": "0", "@sent": "0" },
        "hits": hits_object,
    }});
    serde_json::to_string(&result).unwrap_or_default()
}

fn render_record(r: &DblpRecord) -> String {
    let element = match r.kind {
        RecordKind::Inproceedings => "inproceedings",
        RecordKind::Article => "article",
        RecordKind::Proceedings => "proceedings",
        RecordKind::Book => "book",
        RecordKind::Incollection => "incollection",
        RecordKind::Thesis => "phdthesis",
        RecordKind::Other => "www",
    };
    let publtype = if r.informal {
        " publtype=\"informal\""
    } else {
        ""
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<dblp>\n<{element} key=\"{}\" mdate=\"2024-01-01\"{publtype}>\n",
        r.key
    );
    for a in &r.authors {
        match &a.pid {
            Some(pid) => out.push_str(&format!(
                "<author pid=\"{}\">{}</author>\n",
                ascii_xml(pid),
                ascii_xml(&a.name)
            )),
            None => out.push_str(&format!("<author>{}</author>\n", ascii_xml(&a.name))),
        }
    }
    out.push_str(&format!("<title>{}.</title>\n", ascii_xml(&r.title)));
    let venue_tag = if r.kind == RecordKind::Article {
        "journal"
    } else {
        "booktitle"
    };
    for (tag, value) in [
        ("pages", &r.pages),
        ("volume", &r.volume),
        ("number", &r.number),
        (venue_tag, &r.venue),
        ("publisher", &r.publisher),
    ] {
        if let Some(value) = value {
            out.push_str(&format!("<{tag}>{}</{tag}>\n", ascii_xml(value)));
        }
    }
    if let Some(year) = r.year {
        out.push_str(&format!("<year>{year}</year>\n"));
    }
    for ee in &r.ee {
        out.push_str(&format!("<ee>{}</ee>\n", ascii_xml(ee)));
    }
    if let Some(crossref) = &r.crossref {
        out.push_str(&format!("<crossref>{}</crossref>\n", ascii_xml(crossref)));
    }
    out.push_str(&format!("</{element}>\n</dblp>\n"));
    out
}

async fn search(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if let Some(response) = fault(&shared, true).await {
        return response;
    }
    let query = params.get("q").cloned().unwrap_or_default();
    let hits: usize = params
        .get("h")
        .and_then(|h| h.parse().ok())
        .unwrap_or(30)
        .min(1000);
    let first: usize = params.get("f").and_then(|f| f.parse().ok()).unwrap_or(0);
    let found = find(&shared.records, &query);
    let page: Vec<&DblpRecord> = found
        .iter()
        .skip(first)
        .take(hits)
        .map(|&i| &shared.records[i])
        .collect();
    let json = params.get("format").is_some_and(|f| f == "json");
    let (body, content_type) = if json {
        (render_json(&page, found.len(), &query), "application/json")
    } else {
        (
            render_xml(&page, found.len(), &query),
            "text/xml; charset=UTF-8",
        )
    };
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    (StatusCode::OK, headers, truncate_if(&shared, body)).into_response()
}

async fn record(State(shared): State<Arc<Shared>>, Path(key): Path<String>) -> Response {
    if let Some(response) = fault(&shared, false).await {
        return response;
    }
    let key = key.strip_suffix(".xml").unwrap_or(&key);
    match shared.by_key.get(key) {
        Some(&i) => {
            let body = render_record(&shared.records[i]);
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/xml")],
                truncate_if(&shared, body),
            )
                .into_response()
        }
        None => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}
