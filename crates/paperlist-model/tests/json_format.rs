//! paperlist JSON v1: round trip, the field names DESIGN.md promises, and
//! validation of real serialised output against `docs/paperlist.schema.json`.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use paperlist_model::{
    Candidate, Details, Diagnostic, Entry, EntryKind, Library, Link, LinkKind, MatchResult,
    MatchStatus, MaybeTyped, Origin, Person, Provenance, ScoreBreakdown, Source, Status,
};
use serde_json::{Value, json};

/// A library with every field of the model filled, so the schema sees all of them.
fn full_library() -> Library {
    let mut moritz = Person::new("Philipp Moritz");
    moritz.affiliation = Some("UC Berkeley".into());
    moritz.set_dblp_pid(Some("185/0634"));
    moritz.set_orcid(Some("0000-0002-1825-0097"));
    moritz.equal_contribution = true;
    moritz.corresponding = true;
    moritz.highlighted = true;
    let mut liu = Person::new("Ying Liu 0024");
    liu.set_suffix(Some("Jr."));
    let breakdown = ScoreBreakdown {
        title: 1.0,
        authors: Some(0.9),
        year: Some(1.0),
        venue: Some(1.0),
    };
    let ray = Entry {
        key: "moritz2018ray".into(),
        kind: EntryKind::Inproceedings,
        title: "Ray: A Distributed Framework for Emerging AI Applications".into(),
        authors: vec![moritz, liu],
        venue: Some("OSDI".into()),
        year: Some(2018),
        status: Status::Published,
        doi: Some(MaybeTyped::parse("https://doi.org/10.5555/3291168.3291210")),
        arxiv: Some(MaybeTyped::parse("arXiv:1712.05889v2")),
        url: Some("https://www.usenix.org/conference/osdi18/presentation/moritz".into()),
        links: vec![Link {
            kind: LinkKind::Code,
            url: "https://github.com/ray-project/ray".into(),
            label: Some("code".into()),
        }],
        source: Source {
            file: "fixtures/inputs/aisys2023.md".into(),
            line: 14,
            end_line: Some(15),
            section: vec!["Paper list".into(), "OSDI".into(), "2018".into()].into(),
            raw: "Ray: A Distributed Framework...\nPhilipp Moritz, ...".into(),
        },
        provenance: Provenance::from_iter([
            ("title", Origin::Input),
            ("venue", Origin::Context),
            ("arxiv", Origin::Derived),
            ("doi", Origin::Dblp),
        ]),
        details: Details {
            authors_truncated: true,
            editors: vec![Person::new("Andrea C. Arpaci-Dusseau")],
            pages: Some(MaybeTyped::parse("561--577")),
            volume: Some("1".into()),
            number: Some("2".into()),
            publisher: Some("USENIX Association".into()),
            dblp_key: Some(MaybeTyped::parse("DBLP:conf/osdi/MoritzNWTLLEYPJ18")),
            awards: vec!["Best Paper Award".into()],
            note: Some("oral".into()),
            extra: BTreeMap::from([("month".to_owned(), "oct".to_owned())]),
            previous: BTreeMap::from([("year".to_owned(), json!(2017))]),
            match_result: Some(Box::new(MatchResult {
                status: MatchStatus::Matched,
                score: Some(0.98),
                dblp_key: Some("conf/osdi/MoritzNWTLLEYPJ18".parse().unwrap()),
                runner_up: Some(0.41),
                breakdown: Some(breakdown.clone()),
                candidates: vec![Candidate {
                    dblp_key: "journals/corr/abs-1712-05889".parse().unwrap(),
                    title: "Ray: A Distributed Framework for Emerging AI Applications.".into(),
                    score: 0.41,
                    breakdown: Some(breakdown),
                }],
                reason: Some(
                    "title and authors agree; venue prefers the OSDI record over CoRR".into(),
                ),
            })),
        }
        .into(),
    };
    let bare = Entry {
        key: "anonndthing".into(),
        title: "A thing with a bad DOI".into(),
        doi: Some(MaybeTyped::parse("not-a-doi")),
        status: Status::UnderReview,
        source: Source {
            file: "-".into(),
            line: 1,
            raw: "A thing".into(),
            ..Source::default()
        },
        details: Details {
            pages: Some(MaybeTyped::parse("to appear")),
            ..Details::default()
        }
        .into(),
        ..Entry::default()
    };
    Library {
        entries: vec![ray, bare],
        diagnostics: vec![
            Diagnostic::warning(
                "fixtures/inputs/aisys2023.md",
                Some(40),
                "unparsed-line",
                "line is not an entry",
            )
            .with_hint("check the author list")
            .with_entry("moritz2018ray"),
            Diagnostic::error("cv.md", None, "invalid-utf8", "file is not valid UTF-8"),
        ],
    }
}

fn schema_validator() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/paperlist.schema.json"
    );
    let text = std::fs::read_to_string(path).expect("docs/paperlist.schema.json is readable");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn assert_valid(instance: &Value) {
    let validator = schema_validator();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "schema violations:\n{}",
        errors.join("\n")
    );
}

#[test]
fn serialised_output_validates_against_the_schema() {
    let json: Value = serde_json::from_str(&full_library().to_json()).unwrap();
    assert_valid(&json);
    assert_valid(&serde_json::from_str(&Library::new().to_json()).unwrap());
}

#[test]
fn schema_rejects_what_the_model_would_not_write() {
    let validator = schema_validator();
    let mut json: Value = serde_json::from_str(&full_library().to_json()).unwrap();
    json["entries"][0]["surprise"] = json!(1);
    assert!(
        !validator.is_valid(&json),
        "unknown entry fields are rejected"
    );
    let mut json: Value = serde_json::from_str(&full_library().to_json()).unwrap();
    json["paperlist"] = json!(2);
    assert!(!validator.is_valid(&json), "other versions are rejected");
}

#[test]
fn round_trip_is_lossless() {
    let library = full_library();
    let json = library.to_json();
    let back = Library::from_json(&json).unwrap();
    assert_eq!(back, library);
    assert_eq!(back.to_json(), json, "serialisation is stable");
}

#[test]
fn field_names_follow_the_contract() {
    let json: Value = serde_json::from_str(&full_library().to_json()).unwrap();
    assert_eq!(json["paperlist"], 1);
    let entry = &json["entries"][0];
    assert_eq!(entry["key"], "moritz2018ray");
    assert_eq!(entry["kind"], "inproceedings");
    assert_eq!(entry["authors"][0]["name"], "Philipp Moritz");
    assert_eq!(entry["authors"][0]["affiliation"], "UC Berkeley");
    assert_eq!(entry["authors_truncated"], true);
    assert_eq!(entry["venue"], "OSDI");
    assert_eq!(entry["year"], 2018);
    assert_eq!(entry["status"], "published");
    assert_eq!(entry["doi"], "10.5555/3291168.3291210");
    assert_eq!(entry["dblp_key"], "conf/osdi/MoritzNWTLLEYPJ18");
    assert_eq!(entry["arxiv"], "1712.05889v2");
    assert_eq!(entry["pages"], "561-577");
    assert_eq!(entry["source"]["line"], 14);
    assert_eq!(
        entry["source"]["section"],
        json!(["Paper list", "OSDI", "2018"])
    );
    assert_eq!(entry["provenance"]["doi"], "dblp");
    assert_eq!(entry["match"]["status"], "matched");
    assert_eq!(entry["match"]["runner_up"], 0.41);
    let bare = &json["entries"][1];
    assert_eq!(
        bare["doi"], "not-a-doi",
        "an unparsable DOI is kept as written"
    );
    assert_eq!(
        bare["arxiv"],
        Value::Null,
        "identifier fields are always present"
    );
    assert_eq!(bare["status"], "under-review");
    assert!(
        bare.get("authors_truncated").is_none(),
        "false is not written"
    );
    assert_eq!(json["diagnostics"][0]["line"], 40);
    assert!(json["diagnostics"][1].get("line").is_none());
}

#[test]
fn other_versions_and_garbage_are_refused_with_a_reason() {
    let err = Library::from_json(r#"{"paperlist": 2, "entries": []}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("unsupported paperlist JSON version 2"),
        "{err}"
    );
    let err = Library::from_json(r#"{"entries": []}"#).unwrap_err();
    assert!(err.to_string().contains("paperlist"), "{err}");
    let err = Library::from_json("{\n  \"paperlist\": 1,\n  \"entries\": [ {\"key\": 3} ]\n}")
        .unwrap_err();
    assert_eq!(err.line(), 3, "{err}");
}
