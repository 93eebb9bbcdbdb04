//! Identifier types: [`Doi`], [`DblpKey`], [`ArxivId`] and [`PageRange`].
//!
//! Each parses the forms people actually write (bare, prefixed, as a URL) and
//! normalises to one canonical form. Where a value does not parse, fields hold a
//! [`MaybeTyped::Raw`] so the input is never dropped.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why an identifier did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentError {
    kind: &'static str,
    input: String,
}

impl IdentError {
    fn new(kind: &'static str, input: &str) -> Self {
        Self {
            kind,
            input: input.to_owned(),
        }
    }

    /// The kind of identifier that was expected (`"DOI"`, `"dblp key"`, ...).
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The text that did not parse.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for IdentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid {}: {:?}", self.kind, self.input)
    }
}

impl std::error::Error for IdentError {}

/// A value that is either parsed into `T` or kept as the raw string it came from.
///
/// Serialised as a plain string either way; deserialising tries `T::from_str`
/// first and falls back to [`MaybeTyped::Raw`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MaybeTyped<T> {
    /// The value parsed.
    Typed(T),
    /// The value did not parse; this is the text as written.
    Raw(String),
}

impl<T: FromStr> MaybeTyped<T> {
    /// Parses `text`, keeping it raw when it does not parse.
    pub fn parse(text: &str) -> Self {
        match text.parse::<T>() {
            Ok(value) => MaybeTyped::Typed(value),
            Err(_) => MaybeTyped::Raw(text.to_owned()),
        }
    }
}

impl<T> MaybeTyped<T> {
    /// The typed value, if the input parsed.
    pub fn typed(&self) -> Option<&T> {
        match self {
            MaybeTyped::Typed(value) => Some(value),
            MaybeTyped::Raw(_) => None,
        }
    }
}

impl<T: fmt::Display> fmt::Display for MaybeTyped<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MaybeTyped::Typed(value) => value.fmt(f),
            MaybeTyped::Raw(raw) => f.write_str(raw),
        }
    }
}

impl<T> From<T> for MaybeTyped<T> {
    fn from(value: T) -> Self {
        MaybeTyped::Typed(value)
    }
}

impl<T: fmt::Display> Serialize for MaybeTyped<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, T: FromStr> Deserialize<'de> for MaybeTyped<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(MaybeTyped::parse(&text))
    }
}

macro_rules! string_serde {
    ($ty:ty) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Decodes the `%XX` escapes that appear in DOIs and identifiers copied from URLs.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Strips a case-insensitive ASCII prefix.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Strips `http://`, `https://` and `www.`.
fn strip_scheme(text: &str) -> &str {
    let text = strip_prefix_ci(text, "https://")
        .or_else(|| strip_prefix_ci(text, "http://"))
        .unwrap_or(text);
    strip_prefix_ci(text, "www.").unwrap_or(text)
}

/// Cuts a URL path at its query string or fragment.
fn cut_query(text: &str) -> &str {
    text.split(['?', '#']).next().unwrap_or(text)
}

// ---------------------------------------------------------------------------
// DOI

/// A Digital Object Identifier such as `10.1145/3514221.3517902`.
///
/// Accepts the bare form and `doi:`, `https://doi.org/...` and `dx.doi.org`
/// prefixes. DOIs are case-insensitive, so equality and hashing ignore ASCII
/// case; the text keeps the case it was written in (publishers' lower case is
/// nicer to read than DBLP's upper case).
#[derive(Debug, Clone)]
pub struct Doi(String);

static DOI_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^10\.[0-9]{4,9}(\.[0-9]+)*/\S+$").expect("valid DOI regex"));

impl Doi {
    /// The DOI without any prefix, e.g. `10.1145/3514221.3517902`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The resolver URL, `https://doi.org/<doi>`.
    pub fn url(&self) -> String {
        format!("https://doi.org/{}", self.0)
    }

    /// The DOI in lower case, the form used for comparison.
    pub fn normalized(&self) -> String {
        self.0.to_ascii_lowercase()
    }

    /// Finds a DOI inside a link: a resolver URL (`doi.org`, `dx.doi.org`) or a
    /// publisher page that embeds the DOI in its path (`dl.acm.org/doi/10.1145/...`,
    /// `dl.acm.org/doi/pdf/...`, `link.springer.com/chapter/10.1007/...`,
    /// `onlinelibrary.wiley.com/doi/full/...`) or query (`?doi=10...`).
    pub fn from_url(url: &str) -> Option<Doi> {
        let trimmed = url.trim();
        let rest = strip_scheme(trimmed);
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("doi.org/") || lower.starts_with("dx.doi.org/") {
            return cut_query(rest).parse().ok();
        }
        if let Some(pos) = lower.find("doi=10.") {
            let value = &rest[pos + 4..];
            let value = value.split('&').next().unwrap_or(value);
            return percent_decode(value).parse().ok();
        }
        let path = cut_query(rest);
        // Publisher paths: the DOI is the first `10.NNNN/...` run after a path segment.
        let segments: Vec<&str> = path.split('/').collect();
        // bioRxiv and medRxiv add the version and the view to the DOI:
        // `/content/10.1101/2021.10.04.463034v2.full.pdf`.
        let rxiv = segments
            .first()
            .is_some_and(|host| host.ends_with("biorxiv.org") || host.ends_with("medrxiv.org"));
        // Nature's article pages are named by the DOI's suffix:
        // `nature.com/articles/s41586-021-03819-2` is `10.1038/s41586-021-03819-2`.
        if let [host, "articles", id, ..] = segments.as_slice()
            && (host.eq_ignore_ascii_case("nature.com") || host.ends_with(".nature.com"))
        {
            let id = id.strip_suffix(".pdf").unwrap_or(id);
            return format!("10.1038/{id}").parse().ok();
        }
        let oup = segments
            .first()
            .is_some_and(|host| host.eq_ignore_ascii_case("academic.oup.com"));
        for (i, segment) in segments.iter().enumerate().skip(1) {
            if segment.starts_with("10.") && i + 1 < segments.len() {
                // What a publisher's address adds after the DOI: the view
                // (`/full`, `/abstract`, `/pdf`), and Oxford Academic's own
                // article number (`/article/doi/10.1093/bib/bbad222/7197084`).
                let mut end = segments.len();
                while end > i + 2 && is_view_segment(segments[end - 1]) {
                    end -= 1;
                }
                if oup && end > i + 2 && segments[end - 1].bytes().all(|b| b.is_ascii_digit()) {
                    end -= 1;
                }
                let mut candidate = segments[i..end].join("/");
                if rxiv {
                    candidate = without_rxiv_version(&candidate).to_owned();
                }
                if let Ok(doi) = percent_decode(&candidate).parse::<Doi>() {
                    return Some(doi);
                }
            }
        }
        None
    }
}

/// A segment of a publisher's address that names a view of the paper, not
/// part of its DOI (`10.3389/fgene.2022.847112/full`).
fn is_view_segment(segment: &str) -> bool {
    const VIEWS: &[&str] = &[
        "full",
        "abstract",
        "pdf",
        "epdf",
        "pdfdirect",
        "fulltext",
        "html",
        "meta",
        "summary",
        "figures",
        "references",
        "citedby",
        "",
    ];
    VIEWS.iter().any(|view| segment.eq_ignore_ascii_case(view))
}

/// `10.1101/2021.10.04.463034v2.full.pdf` without what bioRxiv's address
/// adds to the DOI: `10.1101/2021.10.04.463034`.
fn without_rxiv_version(path: &str) -> &str {
    const VIEWS: &[&str] = &[
        ".full.pdf",
        ".full",
        ".abstract",
        ".full-text",
        ".article-info",
    ];
    let path = path.trim_end_matches('/');
    let path = VIEWS
        .iter()
        .find_map(|view| path.strip_suffix(view))
        .unwrap_or(path);
    match path.rfind('v') {
        Some(at)
            if at + 1 < path.len()
                && path[at + 1..].bytes().all(|b| b.is_ascii_digit())
                && path[..at].ends_with(|c: char| c.is_ascii_digit()) =>
        {
            &path[..at]
        }
        _ => path,
    }
}

impl FromStr for Doi {
    type Err = IdentError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut rest = text.trim();
        for prefix in ["doi:", "doi "] {
            if let Some(stripped) = strip_prefix_ci(rest, prefix) {
                rest = stripped.trim_start();
            }
        }
        let without_scheme = strip_scheme(rest);
        for host in ["doi.org/", "dx.doi.org/"] {
            if let Some(stripped) = strip_prefix_ci(without_scheme, host) {
                rest = stripped;
            }
        }
        let decoded = if rest.contains('%') {
            percent_decode(rest)
        } else {
            rest.to_owned()
        };
        let cleaned = trim_trailing_punctuation(&decoded);
        if DOI_SHAPE.is_match(cleaned) {
            Ok(Doi(cleaned.to_owned()))
        } else {
            Err(IdentError::new("DOI", text))
        }
    }
}

/// Drops sentence punctuation glued to the end of an identifier, keeping a
/// closing parenthesis that closes one opened inside it.
fn trim_trailing_punctuation(text: &str) -> &str {
    let mut end = text.len();
    loop {
        let head = &text[..end];
        let Some(last) = head.chars().last() else {
            break;
        };
        let strip = match last {
            '.' | ',' | ';' | ':' | '"' | '\'' | ']' | '>' => true,
            ')' => head.matches('(').count() < head.matches(')').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    &text[..end]
}

impl PartialEq for Doi {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for Doi {}

impl Hash for Doi {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
    }
}

impl fmt::Display for Doi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_serde!(Doi);

// ---------------------------------------------------------------------------
// dblp key

/// A dblp record key such as `conf/osdi/MoritzNWTLLEYPJ18`.
///
/// Accepts the bare key, BibTeX's `DBLP:` prefix and record URLs
/// (`https://dblp.org/rec/conf/osdi/X.html`, `.bib`, `.xml`, and the older
/// `rec/bibtex/`, `rec/bib/`, `rec/bib1/` forms).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DblpKey(String);

static DBLP_KEY_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[a-z]+(/[A-Za-z0-9_\-+.'=&:]+){1,}$").expect("valid dblp key regex")
});

impl DblpKey {
    /// The key, e.g. `conf/osdi/MoritzNWTLLEYPJ18`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The stream the record belongs to: every segment but the last, e.g. `conf/osdi`.
    pub fn stream(&self) -> &str {
        self.0
            .rsplit_once('/')
            .map_or(self.0.as_str(), |(stream, _)| stream)
    }

    /// Whether this is a CoRR (arXiv) record, `journals/corr/...`.
    pub fn is_corr(&self) -> bool {
        self.0.starts_with("journals/corr/")
    }

    /// The record page, `https://dblp.org/rec/<key>`.
    pub fn url(&self) -> String {
        format!("https://dblp.org/rec/{}", self.0)
    }

    /// Finds a dblp key in a record URL; `None` for other links.
    pub fn from_url(url: &str) -> Option<DblpKey> {
        let rest = strip_scheme(url.trim());
        let lower = rest.to_ascii_lowercase();
        let host_end = [
            "dblp.org/",
            "dblp.uni-trier.de/",
            "dblp.dagstuhl.de/",
            "dblp2.uni-trier.de/",
        ]
        .iter()
        .find(|host| lower.starts_with(*host))
        .map(|host| host.len())?;
        let path = cut_query(&rest[host_end..]);
        let path = path.strip_prefix("db/").unwrap_or(path);
        let path = path.strip_prefix("rec/")?;
        let path = [
            "bibtex/", "bib/", "bib0/", "bib1/", "bib2/", "xml/", "html/",
        ]
        .iter()
        .find_map(|variant| path.strip_prefix(variant))
        .unwrap_or(path);
        let path = [".html", ".bib", ".xml", ".rdf", ".ris", ".nt", ".ttl"]
            .iter()
            .find_map(|ext| path.strip_suffix(ext))
            .unwrap_or(path);
        path.parse().ok()
    }
}

impl FromStr for DblpKey {
    type Err = IdentError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        if let Some(key) = DblpKey::from_url_shape(trimmed) {
            return Ok(key);
        }
        let bare = strip_prefix_ci(trimmed, "DBLP:").unwrap_or(trimmed);
        // Stream records (conf/, journals/, series/) have three or more segments;
        // some others (ms/Vollmer2006) have two.
        let segments = bare.split('/').count();
        let stream = ["conf/", "journals/", "series/", "books/"]
            .iter()
            .any(|p| bare.starts_with(p));
        if DBLP_KEY_SHAPE.is_match(bare) && (segments >= 3 || !stream) {
            Ok(DblpKey(bare.to_owned()))
        } else {
            Err(IdentError::new("dblp key", text))
        }
    }
}

impl DblpKey {
    fn from_url_shape(text: &str) -> Option<DblpKey> {
        text.contains("dblp")
            .then(|| DblpKey::from_url(text))
            .flatten()
    }
}

impl fmt::Display for DblpKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_serde!(DblpKey);

// ---------------------------------------------------------------------------
// arXiv

/// An arXiv identifier: new style `2104.04473v2` or old style `cs/0112017`.
///
/// Accepts `arXiv:` prefixes, `arxiv.org/abs|pdf|html/...` URLs, the arXiv DOI
/// `10.48550/arXiv.NNNN.NNNNN` and dblp CoRR keys `journals/corr/abs-2104-04473`.
/// The version is kept but [`ArxivId::id`] (without it) names the paper.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArxivId {
    id: String,
    version: Option<u32>,
}

static ARXIV_NEW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{4}\.[0-9]{4,5})(?:v([0-9]+))?$").expect("valid arXiv regex")
});
static ARXIV_OLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2})?/[0-9]{7})(?:v([0-9]+))?$")
        .expect("valid old arXiv regex")
});
static CORR_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^journals/corr/abs-([0-9]{4})-([0-9]{4,5})$").expect("valid CoRR key regex")
});

impl ArxivId {
    /// The identifier without its version, e.g. `2104.04473`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The year the paper was first submitted: new-style ids start with it
    /// (`2309.06180` is 2023), old-style ones carry it after the archive
    /// (`cs/0112017` is 2001).
    ///
    /// ```
    /// use paperlist_model::ArxivId;
    /// let id: ArxivId = "2309.06180".parse().unwrap();
    /// assert_eq!(id.year(), 2023);
    /// let old: ArxivId = "cs/0112017".parse().unwrap();
    /// assert_eq!(old.year(), 2001);
    /// ```
    pub fn year(&self) -> i32 {
        let digits = match self.id.split_once('/') {
            Some((_, number)) => number,
            None => &self.id,
        };
        let yy: i32 = digits.get(..2).and_then(|y| y.parse().ok()).unwrap_or(0);
        // arXiv began in 1991; two-digit years below 91 are this century.
        if yy >= 91 { 1900 + yy } else { 2000 + yy }
    }

    /// The version number, if one was given.
    pub fn version(&self) -> Option<u32> {
        self.version
    }

    /// The abstract page, `https://arxiv.org/abs/<id>` (with the version if known).
    pub fn url(&self) -> String {
        format!("https://arxiv.org/abs/{self}")
    }

    /// The DOI arXiv registers for every paper, `10.48550/arXiv.<id>`.
    pub fn doi(&self) -> Doi {
        Doi(format!("10.48550/arXiv.{}", self.id))
    }

    /// Whether both name the same paper, whatever their versions.
    pub fn same_paper(&self, other: &ArxivId) -> bool {
        self.id == other.id
    }

    /// The paper a dblp CoRR key stands for (`journals/corr/abs-2104-04473`).
    pub fn from_dblp_key(key: &DblpKey) -> Option<ArxivId> {
        let caps = CORR_KEY.captures(key.as_str())?;
        Some(ArxivId {
            id: format!("{}.{}", &caps[1], &caps[2]),
            version: None,
        })
    }

    /// Finds an arXiv id in a link (`arxiv.org/abs/...`, `/pdf/....pdf`,
    /// `export.arxiv.org`, or the arXiv DOI); `None` for other links.
    pub fn from_url(url: &str) -> Option<ArxivId> {
        let rest = strip_scheme(url.trim());
        let lower = rest.to_ascii_lowercase();
        if let Some(doi) = Doi::from_url(url) {
            return ArxivId::from_doi(&doi);
        }
        let host_end = ["arxiv.org/", "export.arxiv.org/"]
            .iter()
            .find(|host| lower.starts_with(*host))
            .map(|host| host.len())?;
        let path = cut_query(&rest[host_end..]);
        let path = ["abs/", "pdf/", "html/", "format/"]
            .iter()
            .find_map(|kind| path.strip_prefix(kind))?;
        let path = path.strip_suffix(".pdf").unwrap_or(path);
        let path = path.trim_end_matches('/');
        path.parse().ok()
    }

    /// The paper an arXiv DOI (`10.48550/arXiv.2104.04473`) stands for.
    pub fn from_doi(doi: &Doi) -> Option<ArxivId> {
        let rest = strip_prefix_ci(doi.as_str(), "10.48550/arxiv.")?;
        rest.parse().ok()
    }
}

impl FromStr for ArxivId {
    type Err = IdentError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = trim_trailing_punctuation(text.trim());
        if trimmed.contains("arxiv.org/") || trimmed.contains("doi.org/") {
            return ArxivId::from_url(trimmed).ok_or_else(|| IdentError::new("arXiv id", text));
        }
        if let Ok(doi) = trimmed.parse::<Doi>()
            && let Some(id) = ArxivId::from_doi(&doi)
        {
            return Ok(id);
        }
        if let Ok(key) = trimmed.parse::<DblpKey>()
            && let Some(id) = ArxivId::from_dblp_key(&key)
        {
            return Ok(id);
        }
        let mut bare = trimmed;
        for prefix in ["arxiv:", "arxiv ", "arxiv.", "abs/"] {
            if let Some(stripped) = strip_prefix_ci(bare, prefix) {
                bare = stripped.trim_start();
            }
        }
        let caps = ARXIV_NEW
            .captures(bare)
            .or_else(|| ARXIV_OLD.captures(bare))
            .ok_or_else(|| IdentError::new("arXiv id", text))?;
        let id = caps[1].to_owned();
        if !valid_new_style_number(&id) {
            return Err(IdentError::new("arXiv id", text));
        }
        let version = caps.get(2).and_then(|v| v.as_str().parse().ok());
        Ok(ArxivId { id, version })
    }
}

/// New-style numbers are `YYMM.NNNN` up to 2014 and `YYMM.NNNNN` from 2015,
/// with a real month; old-style ids pass through.
fn valid_new_style_number(id: &str) -> bool {
    let Some((yymm, number)) = id.split_once('.') else {
        return true;
    };
    if id.contains('/') || yymm.len() != 4 {
        return true;
    }
    let month: u32 = yymm[2..].parse().unwrap_or(0);
    let year_month: u32 = yymm.parse().unwrap_or(0);
    let digits = if year_month >= 1501 { 5 } else { 4 };
    (1..=12).contains(&month) && number.len() == digits
}

impl fmt::Display for ArxivId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)?;
        if let Some(version) = self.version {
            write!(f, "v{version}")?;
        }
        Ok(())
    }
}

string_serde!(ArxivId);

// ---------------------------------------------------------------------------
// Pages

/// A page range (`561-577`), a single page or article number (`e1001`), or an
/// article-relative range (`1:1-1:14`).
///
/// Written with a plain hyphen; exporters choose their own dash (`--` in BibTeX).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageRange {
    first: String,
    last: Option<String>,
}

static PAGE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z]{0,3}[0-9]+(?::[0-9]+)?[A-Za-z]?$").expect("valid page regex")
});

impl PageRange {
    /// The first page.
    pub fn first(&self) -> &str {
        &self.first
    }

    /// The last page, if this is a range.
    pub fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }

    /// The range with the given separator between first and last page.
    pub fn with_separator(&self, separator: &str) -> String {
        match &self.last {
            Some(last) => format!("{}{separator}{last}", self.first),
            None => self.first.clone(),
        }
    }
}

impl FromStr for PageRange {
    type Err = IdentError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let trimmed = strip_prefix_ci(trimmed, "pp.")
            .or_else(|| strip_prefix_ci(trimmed, "pages"))
            .or_else(|| strip_prefix_ci(trimmed, "p."))
            // Springer's `pp 561–577`.
            .or_else(|| strip_prefix_ci(trimmed, "pp "))
            .unwrap_or(trimmed)
            .trim();
        let parts: Vec<&str> = trimmed
            .split(['-', '\u{2013}', '\u{2014}', '\u{2012}', '\u{2212}'])
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
        let valid = |part: &&str| PAGE_TOKEN.is_match(part);
        match parts.as_slice() {
            [single] if valid(single) => Ok(PageRange {
                first: (*single).to_owned(),
                last: None,
            }),
            [first, last] if valid(first) && valid(last) => {
                let last = expand_last_page(first, last);
                Ok(PageRange {
                    first: (*first).to_owned(),
                    last: (*first != last).then_some(last),
                })
            }
            _ => Err(IdentError::new("page range", text)),
        }
    }
}

/// Vancouver and some journals drop the digits the last page shares with the
/// first: `583-9` is 583 to 589, `107-13` is 107 to 113.
fn expand_last_page(first: &str, last: &str) -> String {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(first) && digits(last) && last.len() < first.len() {
        let expanded = format!("{}{last}", &first[..first.len() - last.len()]);
        if expanded.parse::<u64>().ok() > first.parse::<u64>().ok() {
            return expanded;
        }
    }
    last.to_owned()
}

impl fmt::Display for PageRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.with_separator("-"))
    }
}

string_serde!(PageRange);

#[cfg(test)]
mod tests {
    use super::*;

    fn doi(text: &str) -> String {
        text.parse::<Doi>()
            .map(|d| d.to_string())
            .unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn doi_forms() {
        let want = "10.1145/3514221.3517902";
        for form in [
            "10.1145/3514221.3517902",
            "doi:10.1145/3514221.3517902",
            "DOI: 10.1145/3514221.3517902",
            "https://doi.org/10.1145/3514221.3517902",
            "http://dx.doi.org/10.1145/3514221.3517902",
            "dx.doi.org/10.1145/3514221.3517902",
            "https://doi.org/10.1145%2F3514221.3517902",
            "10.1145/3514221.3517902.",
            " 10.1145/3514221.3517902, ",
        ] {
            assert_eq!(doi(form), want, "{form}");
        }
        assert_eq!(
            doi("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"),
            "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"
        );
        assert!(doi("(see 10.1145/3514221.3517902)").starts_with("ERR"));
        assert!(doi("10.1145").starts_with("ERR"));
        assert!(doi("11.1145/abc").starts_with("ERR"));
        assert!(doi("").starts_with("ERR"));
    }

    #[test]
    fn doi_compares_case_insensitively() {
        let upper: Doi = "10.1007/S11063-025-11757-7".parse().unwrap();
        let lower: Doi = "https://doi.org/10.1007/s11063-025-11757-7"
            .parse()
            .unwrap();
        assert_eq!(upper, lower);
        let mut set = std::collections::HashSet::new();
        set.insert(upper);
        assert!(set.contains(&lower));
        assert_eq!(
            lower.as_str(),
            "10.1007/s11063-025-11757-7",
            "case as written is kept"
        );
    }

    #[test]
    fn doi_in_publisher_urls() {
        let found = |url: &str| Doi::from_url(url).map(|d| d.to_string());
        assert_eq!(
            found("https://dl.acm.org/doi/10.14778/3489496.3489511").as_deref(),
            Some("10.14778/3489496.3489511")
        );
        assert_eq!(
            found("https://dl.acm.org/doi/pdf/10.1145/3448016.3452773").as_deref(),
            Some("10.1145/3448016.3452773")
        );
        assert_eq!(
            found("https://dl.acm.org/doi/abs/10.1145/3448016.3452773?download=true").as_deref(),
            Some("10.1145/3448016.3452773")
        );
        assert_eq!(
            found("https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13").as_deref(),
            Some("10.1007/978-3-030-58452-8_13")
        );
        assert_eq!(
            found("https://doi.org/10.48550/arXiv.2112.14397").as_deref(),
            Some("10.48550/arXiv.2112.14397")
        );
        assert_eq!(
            found("https://example.org/paper?doi=10.1145/1234.5678&x=1").as_deref(),
            Some("10.1145/1234.5678")
        );
        assert_eq!(
            found("https://www.nature.com/articles/s41586-021-03819-2.pdf").as_deref(),
            Some("10.1038/s41586-021-03819-2")
        );
        assert_eq!(
            found("http://www.nature.com/articles/nature14539").as_deref(),
            Some("10.1038/nature14539")
        );
        // A view after the DOI, and Oxford Academic's article number.
        assert_eq!(
            found("https://www.frontiersin.org/articles/10.3389/fgene.2022.847112/full").as_deref(),
            Some("10.3389/fgene.2022.847112")
        );
        assert_eq!(
            found("https://academic.oup.com/bib/article/doi/10.1093/bib/bbad222/7197084")
                .as_deref(),
            Some("10.1093/bib/bbad222")
        );
        assert_eq!(
            found("https://www.tandfonline.com/doi/abs/10.1080/01621459.2017.1285773/").as_deref(),
            Some("10.1080/01621459.2017.1285773")
        );
        // bioRxiv's addresses add the version and the view.
        assert_eq!(
            found("https://www.biorxiv.org/content/10.1101/2021.10.04.463034v2").as_deref(),
            Some("10.1101/2021.10.04.463034")
        );
        assert_eq!(
            found("https://www.medrxiv.org/content/10.1101/2020.03.19.20039354v1.full.pdf")
                .as_deref(),
            Some("10.1101/2020.03.19.20039354")
        );
        // New-style bioRxiv DOIs keep their own digits.
        assert_eq!(
            found("https://www.biorxiv.org/content/10.64898/2026.02.05.703733v1").as_deref(),
            Some("10.64898/2026.02.05.703733")
        );
        assert_eq!(found("https://ieeexplore.ieee.org/document/9835178"), None);
        assert_eq!(found("https://arxiv.org/abs/2112.14397"), None);
    }

    #[test]
    fn dblp_key_forms() {
        let key = |text: &str| text.parse::<DblpKey>().map(|k| k.to_string()).ok();
        let want = Some("conf/osdi/MoritzNWTLLEYPJ18".to_owned());
        assert_eq!(key("conf/osdi/MoritzNWTLLEYPJ18"), want);
        assert_eq!(key("DBLP:conf/osdi/MoritzNWTLLEYPJ18"), want);
        assert_eq!(
            key("https://dblp.org/rec/conf/osdi/MoritzNWTLLEYPJ18.html"),
            want
        );
        assert_eq!(
            key("https://dblp.org/rec/conf/osdi/MoritzNWTLLEYPJ18.bib?param=1"),
            want
        );
        assert_eq!(
            key("https://dblp.uni-trier.de/rec/bibtex/conf/osdi/MoritzNWTLLEYPJ18"),
            want
        );
        assert_eq!(
            key("https://dblp.org/rec/bib/conf/osdi/MoritzNWTLLEYPJ18"),
            want
        );
        assert_eq!(
            key("https://dblp.org/rec/conf/osdi/MoritzNWTLLEYPJ18.xml"),
            want
        );
        assert_eq!(
            key("journals/corr/abs-1712-05889").as_deref(),
            Some("journals/corr/abs-1712-05889")
        );
        assert_eq!(
            key("homepages/95/7448-1").as_deref(),
            Some("homepages/95/7448-1")
        );
        assert_eq!(key("conf/osdi"), None, "a stream is not a record");
        assert_eq!(key("ms/Vollmer2006").as_deref(), Some("ms/Vollmer2006"));
        assert_eq!(key("not a key"), None);
        assert_eq!(key("https://example.org/rec/conf/a/b"), None);
        let parsed: DblpKey = "conf/osdi/MoritzNWTLLEYPJ18".parse().unwrap();
        assert_eq!(parsed.stream(), "conf/osdi");
        assert!(!parsed.is_corr());
        assert!(
            "journals/corr/abs-2104-04473"
                .parse::<DblpKey>()
                .unwrap()
                .is_corr()
        );
    }

    #[test]
    fn arxiv_forms() {
        let id = |text: &str| text.parse::<ArxivId>().map(|a| a.to_string()).ok();
        assert_eq!(id("2104.04473v2").as_deref(), Some("2104.04473v2"));
        assert_eq!(id("2104.04473").as_deref(), Some("2104.04473"));
        assert_eq!(id("arXiv:2104.04473v2").as_deref(), Some("2104.04473v2"));
        assert_eq!(id("arxiv 1412.6980").as_deref(), Some("1412.6980"));
        assert_eq!(id("cs/0112017").as_deref(), Some("cs/0112017"));
        assert_eq!(
            id("math.GT/0309136v1").as_deref(),
            Some("math.GT/0309136v1")
        );
        assert_eq!(id("hep-th/9901001").as_deref(), Some("hep-th/9901001"));
        assert_eq!(
            id("https://arxiv.org/abs/2112.14397").as_deref(),
            Some("2112.14397")
        );
        assert_eq!(
            id("https://arxiv.org/pdf/2209.13258.pdf").as_deref(),
            Some("2209.13258")
        );
        assert_eq!(
            id("https://arxiv.org/pdf/2209.13258v3").as_deref(),
            Some("2209.13258v3")
        );
        assert_eq!(
            id("http://export.arxiv.org/abs/cs/0112017").as_deref(),
            Some("cs/0112017")
        );
        assert_eq!(
            id("10.48550/arXiv.2104.04473").as_deref(),
            Some("2104.04473")
        );
        assert_eq!(
            id("https://doi.org/10.48550/ARXIV.2104.04473").as_deref(),
            Some("2104.04473")
        );
        assert_eq!(
            id("journals/corr/abs-1712-05889").as_deref(),
            Some("1712.05889")
        );
        assert_eq!(id("2104.0447"), None, "five digits since 2015");
        assert_eq!(id("1412.6980").as_deref(), Some("1412.6980"));
        assert_eq!(id("1412.69801"), None, "four digits before 2015");
        assert_eq!(id("2113.04473"), None, "no month 13");
        assert_eq!(id("12345.67890"), None);
        assert_eq!(id("https://arxiv.org/search/cs?query=Lee"), None);
        let a: ArxivId = "2104.04473v2".parse().unwrap();
        let b: ArxivId = "2104.04473v1".parse().unwrap();
        assert!(a.same_paper(&b));
        assert_ne!(a, b);
        assert_eq!(a.id(), "2104.04473");
        assert_eq!(a.version(), Some(2));
        assert_eq!(a.doi().as_str(), "10.48550/arXiv.2104.04473");
    }

    #[test]
    fn page_forms() {
        let pages = |text: &str| text.parse::<PageRange>().map(|p| p.to_string()).ok();
        assert_eq!(pages("561-577").as_deref(), Some("561-577"));
        assert_eq!(pages("561--577").as_deref(), Some("561-577"));
        assert_eq!(pages("561\u{2013}577").as_deref(), Some("561-577"));
        assert_eq!(pages("pp. 561 - 577").as_deref(), Some("561-577"));
        assert_eq!(pages("pp 561–577").as_deref(), Some("561-577"));
        assert_eq!(pages("1:1-1:14").as_deref(), Some("1:1-1:14"));
        assert_eq!(pages("e1001").as_deref(), Some("e1001"));
        assert_eq!(pages("12-12").as_deref(), Some("12"));
        // Abbreviated last pages are written out; a shorter, smaller last page
        // that cannot be an abbreviation is kept as written.
        assert_eq!(pages("583-9").as_deref(), Some("583-589"));
        assert_eq!(pages("107-13").as_deref(), Some("107-113"));
        assert_eq!(pages("1877-1901").as_deref(), Some("1877-1901"));
        assert_eq!(pages("129-8").as_deref(), Some("129-8"));
        assert_eq!(pages("to appear"), None);
        let range: PageRange = "561-577".parse().unwrap();
        assert_eq!(range.with_separator("--"), "561--577");
    }

    #[test]
    fn maybe_typed_keeps_raw_text() {
        let parsed: MaybeTyped<Doi> = MaybeTyped::parse("not a doi");
        assert_eq!(parsed, MaybeTyped::Raw("not a doi".into()));
        let json = serde_json::to_string(&parsed).unwrap();
        assert_eq!(json, "\"not a doi\"");
        let back: MaybeTyped<Doi> = serde_json::from_str("\"10.1145/1.2\"").unwrap();
        assert!(back.typed().is_some());
    }
}
