//! People: authors and editors, their names, affiliations and markers.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use compact_str::CompactString;

use serde::{Deserialize, Serialize};

use crate::normalize::{
    collapse_whitespace, collapsed, fold, is_collapsed, normalize_name, split_homonym_suffix,
};

/// One author (or editor) of an entry.
///
/// `name` is the name as written, cleaned of markers, links and affiliations.
/// `given` and `family` are filled where the two can be told apart; a single
/// word (`Arvind`) or an organisation leaves both empty.
///
/// A parsed list holds many people, so a person is kept small (56 bytes): the
/// name is stored inline when it is short (up to 24 bytes, as most are), the
/// given and family names are kept as spans of it, and the parts most people
/// lack (suffix, dblp id and name, ORCID) live in one box. All are read and set
/// through methods; in JSON all fields are flat.
#[derive(Clone, Default, Deserialize)]
#[serde(from = "PersonJson")]
pub struct Person {
    name: CompactString,
    given: Part,
    family: Part,
    /// Affiliation as written next to the name, e.g. `UC Berkeley`; shared by
    /// the people of one affiliation group.
    pub affiliation: Option<Arc<str>>,
    /// Marked as an equal contributor (`*`, `†`).
    pub equal_contribution: bool,
    /// Marked as a corresponding author.
    pub corresponding: bool,
    /// Highlighted in the input (bold, underlined): usually the page's owner.
    pub highlighted: bool,
    rare: Option<Box<RareParts>>,
}

/// Where a given or family name is: a span of the name (byte start and
/// length), absent, or (when it is not a short span of the name) in the box of
/// rare parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Part {
    start: u8,
    len: u8,
}

impl Part {
    const ABSENT: Part = Part {
        start: u8::MAX,
        len: 0,
    };
    const BOXED: Part = Part {
        start: u8::MAX,
        len: u8::MAX,
    };

    /// The span `start..start + len`, if it fits.
    fn span(start: usize, len: usize) -> Option<Part> {
        let fits = start < usize::from(u8::MAX) && len < usize::from(u8::MAX);
        fits.then_some(Part {
            start: start as u8,
            len: len as u8,
        })
    }

    /// Where `part` is in `name`: at `hint` when it is there (the caller knows
    /// where it cut it from), else where it is first found.
    fn locate(name: &str, part: &str, hint: Option<usize>) -> Part {
        if let Some(at) = hint
            && name.get(at..at + part.len()) == Some(part)
            && let Some(span) = Part::span(at, part.len())
        {
            return span;
        }
        name.find(part)
            .and_then(|start| Part::span(start, part.len()))
            .unwrap_or(Part::BOXED)
    }
}

impl Default for Part {
    fn default() -> Part {
        Part::ABSENT
    }
}

/// The parts of a person that most people in a list do not have.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct RareParts {
    /// Given or family names that are not spans of the name.
    given: Option<Box<str>>,
    family: Option<Box<str>>,
    suffix: Option<Box<str>>,
    dblp_pid: Option<Box<str>>,
    dblp_name: Option<Box<str>>,
    orcid: Option<Box<str>>,
}

impl RareParts {
    fn is_empty(&self) -> bool {
        self.given.is_none()
            && self.family.is_none()
            && self.suffix.is_none()
            && self.dblp_pid.is_none()
            && self.dblp_name.is_none()
            && self.orcid.is_none()
    }
}

impl PartialEq for Person {
    fn eq(&self, other: &Person) -> bool {
        self.name == other.name
            && self.given() == other.given()
            && self.family() == other.family()
            && self.affiliation == other.affiliation
            && self.equal_contribution == other.equal_contribution
            && self.corresponding == other.corresponding
            && self.highlighted == other.highlighted
            && self.suffix() == other.suffix()
            && self.dblp_pid() == other.dblp_pid()
            && self.dblp_name() == other.dblp_name()
            && self.orcid() == other.orcid()
    }
}

impl Eq for Person {}

impl fmt::Debug for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Person")
            .field("name", &self.name())
            .field("given", &self.given())
            .field("family", &self.family())
            .field("affiliation", &self.affiliation)
            .field("equal_contribution", &self.equal_contribution)
            .field("corresponding", &self.corresponding)
            .field("highlighted", &self.highlighted)
            .field("suffix", &self.suffix())
            .field("dblp_pid", &self.dblp_pid())
            .field("dblp_name", &self.dblp_name())
            .field("orcid", &self.orcid())
            .finish()
    }
}

impl Person {
    /// The name as written, e.g. `Philipp Moritz`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Given names, e.g. `Philipp`.
    pub fn given(&self) -> Option<&str> {
        self.part(self.given, |rare| rare.given.as_deref())
    }

    /// Family name with its particles, e.g. `Moritz`, `van der Berg`.
    pub fn family(&self) -> Option<&str> {
        self.part(self.family, |rare| rare.family.as_deref())
    }

    fn part(&self, part: Part, boxed: fn(&RareParts) -> Option<&str>) -> Option<&str> {
        match part {
            Part::ABSENT => None,
            Part::BOXED => self.rare.as_deref().and_then(boxed),
            Part { start, len } => {
                let start = usize::from(start);
                self.name.get(start..start + usize::from(len))
            }
        }
    }

    /// Sets the name as written, keeping the given and family names.
    pub fn set_name(&mut self, name: &str) {
        let given = self.given().map(Box::<str>::from);
        let family = self.family().map(Box::<str>::from);
        self.name = CompactString::from(name);
        self.set_given(given.as_deref());
        self.set_family(family.as_deref());
    }

    /// Sets (or with `None` clears) the given names.
    pub fn set_given(&mut self, given: Option<&str>) {
        self.given = self.place(given, None, |rare, value| rare.given = value);
    }

    /// Sets (or with `None` clears) the family name.
    pub fn set_family(&mut self, family: Option<&str>) {
        self.family = self.place(family, None, |rare, value| rare.family = value);
    }

    /// Where a given or family name goes: a span of the name when it is one,
    /// else the box (`store` puts it there, or clears it there).
    fn place(
        &mut self,
        value: Option<&str>,
        hint: Option<usize>,
        store: fn(&mut RareParts, Option<Box<str>>),
    ) -> Part {
        let part = value.map_or(Part::ABSENT, |v| Part::locate(&self.name, v, hint));
        let boxed = (part == Part::BOXED).then_some(value).flatten();
        self.set_rare(boxed, |rare| store(rare, boxed.map(Into::into)));
        part
    }

    /// Generational suffix, e.g. `Jr.`.
    pub fn suffix(&self) -> Option<&str> {
        self.rare.as_ref()?.suffix.as_deref()
    }

    /// dblp person id, e.g. `77/1117`.
    pub fn dblp_pid(&self) -> Option<&str> {
        self.rare.as_ref()?.dblp_pid.as_deref()
    }

    /// The name as dblp writes it, with its homonym number, e.g. `Ying Liu 0024`.
    pub fn dblp_name(&self) -> Option<&str> {
        self.rare.as_ref()?.dblp_name.as_deref()
    }

    /// ORCID iD, e.g. `0000-0002-1825-0097`.
    pub fn orcid(&self) -> Option<&str> {
        self.rare.as_ref()?.orcid.as_deref()
    }

    /// Sets (or with `None` clears) the suffix.
    pub fn set_suffix(&mut self, suffix: Option<&str>) {
        self.set_rare(suffix, |rare| rare.suffix = suffix.map(Into::into));
    }

    /// Sets (or with `None` clears) the dblp person id.
    pub fn set_dblp_pid(&mut self, pid: Option<&str>) {
        self.set_rare(pid, |rare| rare.dblp_pid = pid.map(Into::into));
    }

    /// Sets (or with `None` clears) the name as dblp writes it.
    pub fn set_dblp_name(&mut self, name: Option<&str>) {
        self.set_rare(name, |rare| rare.dblp_name = name.map(Into::into));
    }

    /// Sets (or with `None` clears) the ORCID iD.
    pub fn set_orcid(&mut self, orcid: Option<&str>) {
        self.set_rare(orcid, |rare| rare.orcid = orcid.map(Into::into));
    }

    fn set_rare(&mut self, value: Option<&str>, change: impl FnOnce(&mut RareParts)) {
        if value.is_none() && self.rare.is_none() {
            // Clearing what is not there: nothing to box.
            return;
        }
        let rare = self.rare.get_or_insert_with(Box::default);
        change(rare);
        if rare.is_empty() {
            self.rare = None;
        }
    }
}

/// A person as read from paperlist JSON: every field flat and optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonJson {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    given: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    family: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suffix: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    affiliation: Option<Arc<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dblp_pid: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dblp_name: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    orcid: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "is_false")]
    equal_contribution: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    corresponding: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    highlighted: bool,
}

impl From<PersonJson> for Person {
    fn from(json: PersonJson) -> Person {
        let rare = RareParts {
            suffix: json.suffix,
            dblp_pid: json.dblp_pid,
            dblp_name: json.dblp_name,
            orcid: json.orcid,
            ..RareParts::default()
        };
        let mut person = Person {
            name: json.name.into(),
            affiliation: json.affiliation,
            equal_contribution: json.equal_contribution,
            corresponding: json.corresponding,
            highlighted: json.highlighted,
            rare: (!rare.is_empty()).then(|| Box::new(rare)),
            ..Person::default()
        };
        person.set_given(json.given.as_deref());
        person.set_family(json.family.as_deref());
        person
    }
}

/// A person as written to paperlist JSON, borrowed: the same fields, in the same order.
#[derive(Serialize)]
struct PersonJsonRef<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dblp_pid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dblp_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    orcid: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    equal_contribution: bool,
    #[serde(skip_serializing_if = "is_false")]
    corresponding: bool,
    #[serde(skip_serializing_if = "is_false")]
    highlighted: bool,
}

impl Serialize for Person {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PersonJsonRef {
            name: &self.name,
            given: self.given(),
            family: self.family(),
            suffix: self.suffix(),
            affiliation: self.affiliation.as_deref(),
            dblp_pid: self.dblp_pid(),
            dblp_name: self.dblp_name(),
            orcid: self.orcid(),
            equal_contribution: self.equal_contribution,
            corresponding: self.corresponding,
            highlighted: self.highlighted,
        }
        .serialize(serializer)
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Lower-case particles that belong to the family name (`van`, `de`, `von der`).
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "dos", "das", "du", "le",
    "la", "ten", "ter", "zu", "af", "al", "el", "bin", "ibn",
];

/// Generational suffixes.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

fn is_suffix(token: &str) -> bool {
    SUFFIXES
        .iter()
        .any(|suffix| token.eq_ignore_ascii_case(suffix))
}

impl Person {
    /// A person from a name as written: `Given Family`, `Family, Given`,
    /// `Family, Jr., Given`, `von Family, Given`, or `FAMILY Given`.
    ///
    /// ```
    /// use paperlist_model::Person;
    /// let p = Person::new("Ludwig van Beethoven");
    /// assert_eq!(p.family(), Some("van Beethoven"));
    /// assert_eq!(p.given(), Some("Ludwig"));
    /// ```
    pub fn new(name: &str) -> Person {
        let cleaned = collapsed(name);
        let (without_homonym, homonym) = split_homonym_suffix(&cleaned);
        let (given, family, suffix) = split_name(without_homonym);
        // Where the given and family names are in the name shown.
        let (given_at, family_at);
        let east_asian = family.as_deref().is_some_and(written_family_first)
            && given.as_deref().is_some_and(written_family_first);
        let display = if east_asian && cleaned.contains(',') {
            // `佐藤, 花子`: a Chinese or Japanese name reads family name first.
            let family = family.as_deref().unwrap_or_default();
            let given = given.as_deref().unwrap_or_default();
            family_at = Some(0);
            given_at = Some(family.len() + 1);
            CompactString::from(format!("{family} {given}"))
        } else if given.is_some() && family.is_some() && cleaned.contains(',') {
            // "Family, Given" is shown in reading order.
            let mut display = CompactString::default();
            display.push_str(given.as_deref().unwrap_or_default());
            display.push(' ');
            display.push_str(family.as_deref().unwrap_or_default());
            if let Some(suffix) = &suffix {
                display.push_str(", ");
                display.push_str(suffix);
            }
            given_at = Some(0);
            family_at = given.as_ref().map(|g| g.len() + 1);
            display
        } else {
            let at = |part: &Option<Cow<'_, str>>| match part {
                Some(Cow::Borrowed(part)) => offset_in(without_homonym, part),
                _ => None,
            };
            (given_at, family_at) = (at(&given), at(&family));
            CompactString::from(without_homonym)
        };
        let mut person = Person {
            name: display,
            ..Person::default()
        };
        person.given = person.place(given.as_deref(), given_at, |rare, value| rare.given = value);
        person.family = person.place(family.as_deref(), family_at, |rare, value| {
            rare.family = value
        });
        person.set_suffix(suffix.as_deref());
        person.set_dblp_name(homonym.map(|_| cleaned.as_ref()));
        person
    }

    /// A name kept whole, not split into given and family names (an
    /// organisation, a CSL `literal` name).
    pub fn literal(name: &str) -> Person {
        Person {
            name: name.into(),
            ..Person::default()
        }
    }

    /// A person from separately known given and family names.
    pub fn from_parts(given: Option<&str>, family: &str) -> Person {
        let given = given.map(collapse_whitespace).filter(|g| !g.is_empty());
        let family = collapse_whitespace(family);
        let name = match &given {
            // `佐藤 花子`: family name first.
            Some(given) if written_family_first(given) && written_family_first(&family) => {
                format!("{family} {given}")
            }
            Some(given) => format!("{given} {family}"),
            None => family.clone(),
        };
        let mut person = Person::literal(&name);
        person.set_given(given.as_deref());
        person.set_family(Some(&family));
        person
    }

    /// The comparison form of the name (see [`normalize_name`]).
    pub fn normalized_name(&self) -> String {
        normalize_name(&self.name)
    }

    /// The family name if known, else the last word of the name.
    pub fn family_or_last_word(&self) -> &str {
        match self.family() {
            Some(family) => family,
            None => self.name.split_whitespace().last().unwrap_or(&self.name),
        }
    }

    /// The key used to decide whether two written names can be the same person.
    pub fn name_key(&self) -> NameKey {
        NameKey::of(self)
    }
}

/// Where `part` starts in `whole`, when it is a slice of it.
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start + part.len() <= whole.len()).then_some(start)
}

/// Splits a cleaned name into (given, family, suffix).
/// Given names, family name and suffix, where they can be told apart.
type NameParts<'a> = (
    Option<Cow<'a, str>>,
    Option<Cow<'a, str>>,
    Option<Cow<'a, str>>,
);

/// Splits a single-spaced name (as [`Person::new`] makes it); the parts are
/// spans of it.
fn split_name(name: &str) -> NameParts<'_> {
    debug_assert!(is_collapsed(name), "{name:?} is not single-spaced");
    if name.contains(',') {
        let mut parts = name.split(',').map(str::trim).filter(|p| !p.is_empty());
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            // RIS's `Steele, Guy L., Jr.`: the suffix last.
            (Some(family), Some(given), Some(suffix), None) if is_suffix(suffix) => {
                return (Some(given.into()), Some(family.into()), Some(suffix.into()));
            }
            // BibTeX's `Steele, Jr., Guy L.`.
            (Some(family), Some(suffix), Some(given), None) => {
                return (Some(given.into()), Some(family.into()), Some(suffix.into()));
            }
            (Some(first), Some(second), None, None) if is_suffix(second) => {
                let (given, family, _) = split_name(first);
                return (given, family, Some(second.into()));
            }
            (Some(family), Some(given), None, None) => {
                return (Some(dot_initials(given).into()), Some(family.into()), None);
            }
            _ => {}
        }
    }
    // Words as (start, end) byte offsets: given and family names are spans of
    // the name, single-spaced (as the words joined with spaces would be).
    let span = |w: &str| {
        let start = w.as_ptr() as usize - name.as_ptr() as usize;
        (start, start + w.len())
    };
    // Up to eight words on the stack; longer names (rare) in a vector.
    let mut buffer = [(0, 0); 8];
    let longer: Vec<(usize, usize)>;
    let mut words: &[(usize, usize)] = {
        let mut count = 0;
        for w in name.split_whitespace() {
            if count == buffer.len() {
                count += 1;
                break;
            }
            buffer[count] = span(w);
            count += 1;
        }
        if count > buffer.len() {
            longer = name.split_whitespace().map(span).collect();
            &longer
        } else {
            &buffer[..count]
        }
    };
    let word = |(start, end): (usize, usize)| &name[start..end];
    let mut suffix = None;
    if let [rest @ .., last] = words
        && rest.len() >= 2
        && is_suffix(word(*last))
    {
        suffix = Some(word(*last).into());
        words = rest;
    }
    if words.len() < 2 {
        return (None, None, suffix);
    }
    let first = words[0];
    let last = words[words.len() - 1];
    // "MIAO Xupeng": an all-capitals first word before mixed-case words is the family name.
    // Two capitals are more often initials ("HT Kung") than a family name.
    let is_caps = |t: &str| {
        t.chars().filter(|c| c.is_alphabetic()).count() > 2 && t.chars().all(|c| !c.is_lowercase())
    };
    if is_caps(word(first)) && !words[1..].iter().all(|&w| is_caps(word(w))) {
        return (
            Some(name[words[1].0..last.1].into()),
            Some(word(first).into()),
            suffix,
        );
    }
    // As BibTeX reads names: the family name starts at the first particle
    // after the given name (`Allan dos Santos Costa`, `Ludwig van Beethoven`).
    let is_particle = |w: (usize, usize)| PARTICLES.contains(&word(w));
    let family_start = (1..words.len() - 1)
        .find(|&i| is_particle(words[i]))
        .unwrap_or(words.len() - 1);
    let given = &name[first.0..words[family_start - 1].1];
    let family = &name[words[family_start].0..last.1];
    (Some(given.into()), Some(family.into()), suffix)
}

/// `P` or `P J` in a "Family, Given" name are initials: `P.`, `P. J.`.
fn dot_initials(given: &str) -> String {
    given
        .split_whitespace()
        .map(|t| {
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            // `P`, and `B.-G` whose last period a sentence took: `P.`, `B.-G.`.
            let cut_initials = (2..=3).contains(&letters)
                && t.contains('.')
                && !t.ends_with('.')
                && t.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-'));
            if (t.chars().count() == 1 && t.chars().all(char::is_uppercase)) || cut_initials {
                format!("{t}.")
            } else {
                t.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well two written names agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameAgreement {
    /// Different people, as far as the names tell.
    Different,
    /// Same family name, given names unknown on one side.
    FamilyOnly,
    /// Same family name and compatible given names or initials (`J. Smith`, `John Smith`),
    /// or the same two names in swapped order.
    Compatible,
    /// The same name once folded.
    Same,
}

/// A name reduced for comparison: folded family name and folded given-name words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameKey {
    /// Folded family name, particles included (`van der berg`).
    pub family: String,
    /// Folded given-name words (`["j", "gregory"]`).
    pub given: Vec<String>,
}

impl NameKey {
    /// The key of a person.
    pub fn of(person: &Person) -> NameKey {
        let words = |text: &str| -> Vec<String> {
            normalize_name(text)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        match (person.family(), person.given()) {
            (Some(family), given) => NameKey {
                family: words(family).join(" "),
                given: given.map(words).unwrap_or_default(),
            },
            (None, _) => {
                let mut all = words(&person.name);
                let family = all.pop().unwrap_or_default();
                NameKey { family, given: all }
            }
        }
    }

    /// Compares two names.
    pub fn agreement(&self, other: &NameKey) -> NameAgreement {
        if self.family.is_empty() || other.family.is_empty() {
            return NameAgreement::Different;
        }
        if self.family == other.family {
            if self.given == other.given {
                return NameAgreement::Same;
            }
            if self.given.is_empty() || other.given.is_empty() {
                return NameAgreement::FamilyOnly;
            }
            return if givens_compatible(&self.given, &other.given) {
                NameAgreement::Compatible
            } else {
                NameAgreement::Different
            };
        }
        // Written in the other order ("Miao Xupeng" / "Xupeng Miao").
        let joined = |key: &NameKey| {
            let mut all = key.given.clone();
            all.push(key.family.clone());
            all
        };
        let (mut a, mut b) = (joined(self), joined(other));
        if a.len() == 2 && b.len() == 2 {
            a.sort();
            b.sort();
            if a == b {
                return NameAgreement::Compatible;
            }
        }
        // Glued given names ("Xupeng" / "Xu Peng", "Hsien-Hsin" / "Hsien Hsin").
        if self.family.replace(' ', "") == other.family.replace(' ', "")
            && self.given.concat() == other.given.concat()
        {
            return NameAgreement::Same;
        }
        NameAgreement::Different
    }
}

/// Whether two lists of given-name words can name the same person: each word
/// pairs with a word or an initial of the other, in order (`j gregory` ~ `james gregory`,
/// `ht` ~ `h t`).
fn givens_compatible(a: &[String], b: &[String]) -> bool {
    let expand = |words: &[String]| -> Vec<String> {
        // "HT Kung": a short all-initials word stands for several initials.
        words
            .iter()
            .flat_map(|w| {
                if w.len() <= 2 && w.len() > 1 {
                    w.chars().map(|c| c.to_string()).collect::<Vec<_>>()
                } else {
                    vec![w.clone()]
                }
            })
            .collect()
    };
    let (a, b) = (expand(a), expand(b));
    let word_matches = |x: &str, y: &str| {
        x == y || (x.len() == 1 && y.starts_with(x)) || (y.len() == 1 && x.starts_with(y))
    };
    // The first given name must agree; middle names may be missing on one side.
    let (Some(first_a), Some(first_b)) = (a.first(), b.first()) else {
        return true;
    };
    if !word_matches(first_a, first_b) {
        return a.concat() == b.concat();
    }
    let (shorter, longer) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let mut j = 1;
    for word in &shorter[1..] {
        while j < longer.len() && !word_matches(word, &longer[j]) {
            j += 1;
        }
        if j == longer.len() {
            return false;
        }
        j += 1;
    }
    true
}

/// A name part in a script whose names are written family name first:
/// Han characters, kana, Hangul.
fn written_family_first(part: &str) -> bool {
    part.chars().next().is_some_and(|c| {
        matches!(c,
            '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
            | '\u{3040}'..='\u{30ff}' | '\u{ac00}'..='\u{d7af}')
    })
}

/// Whether a written name looks like an organisation rather than a person
/// (`Microsoft Research`, `University of Washington`, `Google`).
pub fn looks_like_organization(name: &str) -> bool {
    static WORD_SET: std::sync::LazyLock<foldhash::HashSet<&'static [u8]>> =
        std::sync::LazyLock::new(|| WORDS.iter().map(|w| w.as_bytes()).collect());
    const WORDS: &[&str] = &[
        "university",
        "universitat",
        "universite",
        "universidad",
        "universita",
        "college",
        "institute",
        "institut",
        "instituto",
        "research",
        "laboratory",
        "laboratories",
        "lab",
        "labs",
        "inc",
        "corp",
        "corporation",
        "ltd",
        "llc",
        "gmbh",
        "company",
        "co",
        "group",
        "department",
        "dept",
        "school",
        "center",
        "centre",
        "academy",
        "foundation",
        "technologies",
        "technology",
        "microsoft",
        "google",
        "facebook",
        "meta",
        "amazon",
        "nvidia",
        "alibaba",
        "tencent",
        "bytedance",
        "huawei",
        "intel",
        "ibm",
        "baidu",
        "samsung",
        "apple",
        "vmware",
        "deepmind",
        "openai",
        "sensetime",
        "kuaishou",
        "petuum",
        "cerebras",
        "nokia",
        "aws",
        "kaist",
        "unist",
        "mit",
        "cmu",
        "ucla",
        "ucsd",
        "epfl",
        "eth",
        "inria",
        "csail",
        "national",
        "state",
        "academia",
        "sciences",
        "polytechnic",
        "tsinghua",
        "peking",
        // University names' prefixes and acronyms (`UC Berkeley`, `UT Austin`,
        // `TU Darmstadt`, `UW Madison`, `HKUST`): no name has them, and a
        // two-capital prefix would otherwise read as initials (`HT Kung`).
        "uc",
        "ut",
        "tu",
        "uw",
        "caltech",
        "uiuc",
        "nyu",
        "usc",
        "hkust",
        "hku",
        "cuhk",
        "sjtu",
        "zju",
        "ustc",
        "pku",
        "nus",
        "ntu",
        "kth",
        "umich",
        "gatech",
    ];
    // Which lengths the listed words have, by first character: most words of
    // a name are told apart by that alone, before hashing.
    fn slot(first: u8) -> Option<usize> {
        match first.to_ascii_lowercase() {
            b @ b'a'..=b'z' => Some(usize::from(b - b'a')),
            b @ b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
            _ => None,
        }
    }
    static LENGTHS_BY_FIRST: std::sync::LazyLock<[u64; 36]> = std::sync::LazyLock::new(|| {
        let mut lengths = [0u64; 36];
        for word in WORDS {
            if let Some(i) = word.bytes().next().and_then(slot) {
                lengths[i] |= 1 << word.len().min(63);
            }
        }
        lengths
    });
    let words = |text: &str| {
        let mut buffer = [0u8; 32];
        text.as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty() && w.len() <= 32)
            .any(|word| {
                let possible =
                    slot(word[0]).is_some_and(|i| LENGTHS_BY_FIRST[i] & (1 << word.len()) != 0);
                if !possible {
                    return false;
                }
                let lower = &mut buffer[..word.len()];
                lower.copy_from_slice(word);
                lower.make_ascii_lowercase();
                WORD_SET.contains(&*lower)
            })
    };
    if name.is_ascii() {
        words(name)
    } else {
        words(&fold(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(name: &str) -> (Option<Box<str>>, Option<Box<str>>) {
        let p = Person::new(name);
        (p.given().map(Into::into), p.family().map(Into::into))
    }

    fn s(text: &str) -> Option<Box<str>> {
        Some(text.into())
    }

    #[test]
    fn east_asian_names_read_family_name_first() {
        let p = Person::new("佐藤, 花子");
        assert_eq!(p.name(), "佐藤 花子");
        assert_eq!(p.family(), Some("佐藤"));
        assert_eq!(p.given(), Some("花子"));
        assert_eq!(Person::from_parts(Some("花子"), "佐藤").name(), "佐藤 花子");
        assert_eq!(Person::new("Doe, Jane").name(), "Jane Doe");
    }

    #[test]
    fn small_and_inline() {
        // A parsed list holds about one person per 50 bytes of input.
        assert!(size_of::<Person>() <= 56, "{}", size_of::<Person>());
        let mut p = Person::new("Moritz, Philipp");
        assert_eq!(
            (p.name(), p.given(), p.family()),
            ("Philipp Moritz", Some("Philipp"), Some("Moritz"))
        );
        assert!(p.rare.is_none());
        // Parts that are not spans of the name are kept too.
        p.set_name("P. Moritz");
        assert_eq!((p.given(), p.family()), (Some("Philipp"), Some("Moritz")));
        assert_eq!(p.clone(), p);
        p.set_given(None);
        p.set_family(Some("Moritz"));
        assert!(p.rare.is_none());
        let long = format!("{} Moritz", "Philipp".repeat(40));
        let p = Person::new(&long);
        assert_eq!(p.given(), Some("Philipp".repeat(40).as_str()));
        assert_eq!(p.family(), Some("Moritz"));
    }

    #[test]
    fn splits_given_and_family() {
        assert_eq!(split("Philipp Moritz"), (s("Philipp"), s("Moritz")));
        assert_eq!(split("Michael I. Jordan"), (s("Michael I."), s("Jordan")));
        assert_eq!(
            split("J. Gregory Pauloski"),
            (s("J. Gregory"), s("Pauloski"))
        );
        assert_eq!(split("HT Kung"), (s("HT"), s("Kung")));
        assert_eq!(split("Moritz, Philipp"), (s("Philipp"), s("Moritz")));
        assert_eq!(Person::new("Stoica, I").name(), "I. Stoica");
        assert_eq!(
            split("Ludwig van Beethoven"),
            (s("Ludwig"), s("van Beethoven"))
        );
        assert_eq!(
            split("Alon De Jagger"),
            (s("Alon De"), s("Jagger")),
            "capitalised De is a given name, as BibTeX reads it"
        );
        assert_eq!(split("MIAO Xupeng"), (s("Xupeng"), s("MIAO")));
        assert_eq!(split("Arvind"), (None, None));
        assert_eq!(
            split("Jean-François Crespo"),
            (s("Jean-François"), s("Crespo"))
        );
        let steele = Person::new("Guy L. Steele Jr.");
        assert_eq!(
            (steele.given(), steele.family(), steele.suffix()),
            (Some("Guy L."), Some("Steele"), Some("Jr."))
        );
        assert_eq!(
            split("Maria de los Angeles Garcia de la Fuente y Lopez"),
            (s("Maria"), s("de los Angeles Garcia de la Fuente y Lopez")),
            "more words than the stack holds; the family name from the first particle, as BibTeX's"
        );
        assert_eq!(
            split("Allan dos Santos Costa"),
            (s("Allan"), s("dos Santos Costa"))
        );
        let bibtex = Person::new("Steele, Jr., Guy L.");
        assert_eq!(bibtex.name(), "Guy L. Steele, Jr.");
        assert_eq!(bibtex.family(), Some("Steele"));
    }

    #[test]
    fn homonym_number_goes_to_dblp_name() {
        let p = Person::new("Ying Liu 0024");
        assert_eq!(p.name(), "Ying Liu");
        assert_eq!(p.dblp_name(), Some("Ying Liu 0024"));
        assert_eq!(p.family(), Some("Liu"));
    }

    #[test]
    fn name_agreement() {
        let agree = |a: &str, b: &str| {
            Person::new(a)
                .name_key()
                .agreement(&Person::new(b).name_key())
        };
        assert_eq!(agree("Jiří Šimša", "Jiri Simsa"), NameAgreement::Same);
        assert_eq!(
            agree("Marcel Wagenländer", "Marcel Wagenlander"),
            NameAgreement::Same
        );
        assert_eq!(
            agree("Jean-Franc\u{00B8}ois Crespo", "Jean-François Crespo"),
            NameAgreement::Same
        );
        assert_eq!(
            agree(r"Francisco Guzm{\'{a}}n", "Francisco Guzmán"),
            NameAgreement::Same
        );
        assert_eq!(agree("Ying Liu 0024", "Ying Liu"), NameAgreement::Same);
        assert_eq!(
            agree("J. Gregory Pauloski", "James Gregory Pauloski"),
            NameAgreement::Compatible
        );
        assert_eq!(agree("HT Kung", "H. T. Kung"), NameAgreement::Compatible);
        assert_eq!(
            agree("H. T. Kung", "Hsiang-Tsung Kung"),
            NameAgreement::Compatible
        );
        assert_eq!(
            agree("Michael I. Jordan", "Michael Jordan"),
            NameAgreement::Compatible
        );
        assert_eq!(
            agree("Miao Xupeng", "Xupeng Miao"),
            NameAgreement::Compatible
        );
        assert_eq!(agree("Jun Yang", "Jian Yang"), NameAgreement::Different);
        assert_eq!(agree("Jun Yang", "Jun Wang"), NameAgreement::Different);
        assert_eq!(agree("Moritz", "Philipp Moritz"), NameAgreement::FamilyOnly);
    }

    #[test]
    fn organisations_are_recognised() {
        assert!(looks_like_organization("Microsoft Research"));
        assert!(looks_like_organization("University of Washington"));
        assert!(looks_like_organization("Petuum, Inc."));
        assert!(!looks_like_organization("Philipp Moritz"));
        assert!(!looks_like_organization("Arvind"));
        assert!(looks_like_organization("UC Berkeley"));
        assert!(looks_like_organization("TU Darmstadt"));
        assert!(!looks_like_organization("HT Kung"));
    }
}
