//! Author lists, in the styles people write them:
//!
//! - plain lists: `A, B, C and D`, `A,B,C`, `A · B · C`, `A; B; C`;
//! - USENIX groups: `A, B, and C, Affiliation; D, Affiliation` (affiliations may hold
//!   commas, "and", "&", "Inc."; a group with no name adds an affiliation to the
//!   group before it);
//! - parenthesised affiliations: `A (Aff), B (Aff)`, `A, B (Shared Aff); C (Aff)`,
//!   `A (Aff)*`, an affiliation with no name `(Meta)`;
//! - linked names: `[A](profile) Affiliation, [B](profile) Affiliation` or
//!   `[A](arxiv search), [B](...), C`; dblp pid links give the person's pid.
//!
//! Names come out without affiliations, markers (`*`, `†`), links or emphasis;
//! markers and bold/underline become [`Person`] flags.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use foldhash::HashMap;
use paperlist_model::normalize::{collapse_whitespace, collapsed, repair_diacritics};
use paperlist_model::{Person, looks_like_organization};

use crate::fields;
use crate::styled::Styled;

/// The outcome of reading an author list.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Authors {
    pub people: Vec<Person>,
    /// Things worth a diagnostic: guesses the reader made.
    pub notes: Vec<String>,
    /// How much the text looked like an author list (set by [`scored_parse`]).
    pub score: f32,
    /// The list said it was cut short (`et al.`, `...`).
    pub cut_short: bool,
    /// The name score of each person's name, in the order of `people`.
    name_scores: Vec<f32>,
    /// The marks written after each person's name (`*`, `†`, `✉`), in the
    /// order of `people` (a legend may say what they mean).
    pub marks: Vec<String>,
}

/// A name found in the text: where it is and its affiliation.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    affiliation: Option<Arc<str>>,
    /// An affiliation not written out yet: where [`group`] found it in the
    /// text. Most readings lose, so [`finish`] writes it out for the one kept.
    affiliation_span: Option<Range<usize>>,
    dblp_pid: Option<String>,
    /// A marker written away from the name, after its affiliation: `Name (Aff)*`.
    trailing_marker: bool,
    /// The name score of the text in `range`, when the reading computed it.
    score: Option<f32>,
}

impl Found {
    /// A name at `range`, with nothing else known of it yet.
    fn name(range: Range<usize>) -> Found {
        Found {
            range,
            affiliation: None,
            affiliation_span: None,
            dblp_pid: None,
            trailing_marker: false,
            score: None,
        }
    }
}

/// Markers written after (or before) names; a legend may say what they mean.
pub(crate) const MARKERS: &[char] = &['*', '∗', '†', '‡', '§', '¶', '#', '✉', '^', '⋆', '♠', '♣'];

/// Lower-case words allowed inside a name.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "le", "la",
    "ten", "ter", "zu", "al", "el", "bin", "ibn", "y",
];

/// Words that never occur in a person's name but often in titles and prose,
/// whatever their case.
const NON_NAME_WORDS: &[&str] = &[
    "the",
    "of",
    "for",
    "and",
    "with",
    "via",
    "from",
    "using",
    "towards",
    "toward",
    "into",
    "over",
    "under",
    "submission",
    "award",
    "paper",
    "et",
    "al",
    "email",
    "phd",
    "professor",
    "student",
    "researcher",
    "postdoctoral",
    "candidate",
    "intern",
    "advisor",
    "department",
    // What venues are called: `MLSys Workshop` is no person.
    "workshop",
    "conference",
    "symposium",
    "proceedings",
    // Publishers and societies, as journals are named (`IEEE Access`).
    "ieee",
    "acm",
    "usenix",
    "siam",
    "springer",
    "elsevier",
    // Determiners and pronouns that start a sentence: `Each tool is ...`.
    "each",
    "every",
    "these",
    "those",
    "their",
    "which",
    // Words of sentences and titles that no name has (`Do As I Can, Not As I
    // Say` is a title); `Or`, `In`, `On`, `An`, `So`, `To` and `Do` are names too.
    "as",
    "is",
    "are",
    "we",
    "our",
    "not",
    // Words of journals' names after a list's last author (`..., Bob Jones.
    // Nature Communications, 2021`, `Science Advances`, `Scientific Reports`)
    // that name no journal alone; those that do are `fields::JOURNAL_WORDS`.
    "scientific",
    "advances",
    "intelligence",
    "robotics",
];

/// Short words that are not names when written in lower case (`In Gim` is a name).
const LOWERCASE_NON_NAME_WORDS: &[&str] = &[
    "a", "an", "in", "on", "to", "by", "at", "this", "that", "or",
];

/// Common words of computer-science titles that are not (or very rarely) names:
/// "MLPerf Training Benchmark" is a title, not a person. Surnames that are also
/// English words (Long, Song, Park, Young, Hand, Real, Dean) are left out on purpose.
const TITLE_WORDS: &[&str] = &[
    "training",
    "learning",
    "deep",
    "neural",
    "network",
    "networks",
    "benchmark",
    "benchmarks",
    "benchmarking",
    "system",
    "systems",
    "data",
    "model",
    "models",
    "graph",
    "graphs",
    "efficient",
    "scalable",
    "distributed",
    "parallel",
    "inference",
    "serving",
    "computation",
    "computing",
    "machine",
    "language",
    "languages",
    "optimization",
    "optimizing",
    "optimal",
    "framework",
    "frameworks",
    "accelerating",
    "acceleration",
    "accelerator",
    "accelerators",
    "memory",
    "cluster",
    "clusters",
    "scheduling",
    "scheduler",
    "performance",
    "gpu",
    "gpus",
    "cloud",
    "engine",
    "analysis",
    "design",
    "architecture",
    "architectural",
    "compiler",
    "compilers",
    "compilation",
    "tensor",
    "tensors",
    "sparse",
    "sparsity",
    "large",
    "scale",
    "fast",
    "faster",
    "dynamic",
    "adaptive",
    "automatic",
    "automated",
    "processing",
    "pipeline",
    "pipelines",
    "communication",
    "heterogeneous",
    "federated",
    "embedding",
    "embeddings",
    "transformer",
    "transformers",
    "recommendation",
    "workloads",
    "workload",
    "storage",
    "query",
    "queries",
    "database",
    "databases",
    "understanding",
    "exploring",
    "characterizing",
    "latency",
    "throughput",
    "energy",
    "hardware",
    "software",
    "programs",
    "programming",
    "algorithm",
    "algorithms",
    "matrix",
    "kernels",
    "kernel",
    "operator",
    "operators",
    "execution",
    "runtime",
    "resource",
    "resources",
    "management",
    "mobile",
    "devices",
    "privacy",
    "robust",
    "interactive",
    "evaluation",
    "study",
    "survey",
    "approach",
    "methods",
    "based",
    "aware",
    "online",
    "offline",
    "video",
    "vision",
    "speech",
    "retrieval",
    "caching",
    "cache",
    "sharing",
    "virtualization",
    "containers",
    "serverless",
    "dataflow",
    "streaming",
    "batching",
    "quantization",
    "quantized",
    "pruning",
    "compression",
    "gradient",
    "reinforcement",
    "generative",
    "attention",
    "unified",
    "practical",
    "flexible",
    "elastic",
    "resilient",
    "fault",
    "tolerant",
    "verification",
    "debugging",
    "detection",
    "prediction",
    "predicting",
    "simulation",
    "allocation",
    "placement",
    "partitioning",
    "parallelism",
    "parallelization",
    "offloading",
    "billion",
    "trillion",
    "giant",
    "massive",
    "collective",
    "hints",
    "benchmark",
    "implications",
    "technical",
    "debt",
    "infrastructure",
    "perspective",
    "library",
    "toolkit",
    "platform",
    "service",
    "services",
    "primitives",
    "abstraction",
    "portability",
    "precision",
    // Machine learning's title words (`Simple Black-box Adversarial Attacks`
    // is no name), none of them a family name.
    "adversarial",
    "attack",
    "attacks",
    "simple",
    "black-box",
    "white-box",
    "robustness",
    "secure",
    "security",
    "defense",
    "defenses",
    "image",
    "images",
    "object",
    "objects",
    "text",
    "visual",
    "multimodal",
    "agent",
    "agents",
    "reasoning",
    "planning",
    "policy",
    "policies",
    "contrastive",
    "supervised",
    "self-supervised",
    "unsupervised",
    "semi-supervised",
    "pretraining",
    "pre-training",
    "pretrained",
    "pre-trained",
    "fine-tuning",
    "zero-shot",
    "few-shot",
    "transfer",
    "domain",
    "stochastic",
    "bayesian",
    "probabilistic",
    "causal",
    "rethinking",
    "revisiting",
    "improving",
    "learned",
    "segmentation",
    "diffusion",
    "tokenizer",
    "benchmarks",
    "datasets",
    "dataset",
    // What paper notes label their parts (`**Core Idea:** ...`).
    "idea",
    "ideas",
    "insight",
    "insights",
    "contribution",
    "contributions",
    "method",
    "motivation",
    "limitations",
    "takeaway",
    "takeaways",
    "summary",
    "results",
    "findings",
    "overview",
    "background",
];

/// Word endings that English words have and names rarely do.
const TITLE_SUFFIXES: &[&str] = &[
    "tion", "sion", "ment", "ness", "ical", "ture", "ility", "ware",
];

/// What a word is to the name scorer, as bits (a word can be several).
const NON_NAME: u8 = 1;
const PARTICLE: u8 = 2;
const LOWERCASE_NON_NAME: u8 = 4;
const TITLE: u8 = 8;

/// The word lists above in one table, by lower-case word: one lookup tells
/// everything the scorer asks of a word.
static WORD_CLASSES: LazyLock<HashMap<&'static [u8], u8>> = LazyLock::new(|| {
    let mut classes: HashMap<&'static [u8], u8> = HashMap::default();
    for (list, class) in [
        (NON_NAME_WORDS, NON_NAME),
        (fields::JOURNAL_WORDS, NON_NAME),
        (NAME_PARTICLES, PARTICLE),
        (LOWERCASE_NON_NAME_WORDS, LOWERCASE_NON_NAME),
        (TITLE_WORDS, TITLE),
    ] {
        for word in list {
            *classes.entry(word.as_bytes()).or_default() |= class;
        }
    }
    classes
});

/// The classes of a word, looked up in lower case (on the stack for short
/// ASCII words), and whether the word was written in lower case already.
fn word_class(word: &str) -> (u8, bool) {
    let mut buffer = [0u8; 24];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let class = WORD_CLASSES.get(&*lower).copied().unwrap_or(0);
        return (class, *lower == *word.as_bytes());
    }
    // Every listed word is short ASCII; a longer word can match only after
    // lower-casing non-ASCII letters, which is rare.
    let lower = word.to_lowercase();
    let class = WORD_CLASSES.get(lower.as_bytes()).copied().unwrap_or(0);
    (class, lower == word)
}

/// Whether a word is a common title word, or ends like an English word
/// (`-tion`, `-ment`) rather than a name.
fn is_title_word(token: &str, class: u8) -> bool {
    let word = token.trim_matches(|c: char| !c.is_alphanumeric());
    let class = if word.len() == token.len() {
        class
    } else {
        word_class(word).0
    };
    let ends_with = |suffix: &str| {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    class & TITLE != 0 || (word.len() > 6 && TITLE_SUFFIXES.iter().any(|s| ends_with(s)))
}

/// How much a piece of text looks like one person's name, in `0.0..=1.0`.
pub(crate) fn name_score(text: &str) -> f32 {
    let stripped;
    let cleaned = if has_marker(text) {
        stripped = strip_markers(text);
        stripped.as_str()
    } else {
        text
    };
    let cleaned = cleaned.trim().trim_end_matches('.');
    if cleaned.is_empty() || cleaned.len() > 60 {
        return 0.0;
    }
    // Digits and these marks are ASCII: checked on bytes.
    if cleaned.bytes().any(|b| {
        b.is_ascii_digit()
            || matches!(
                b,
                b':' | b'?'
                    | b'!'
                    | b'/'
                    | b'@'
                    | b'='
                    | b'|'
                    | b'"'
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b'&'
            )
    }) {
        return 0.0;
    }
    // Names written in Han characters: a Chinese surname and a given name
    // of one or two characters, no spaces (`李国杰`, `欧阳修`). Other runs are
    // words (`软件学报`, a journal).
    if !cleaned.is_ascii() && cleaned.chars().any(is_han) {
        return if is_han_name(cleaned) { 0.9 } else { 0.0 };
    }
    if looks_like_organization(cleaned) {
        return 0.0;
    }
    // At most five words: kept on the stack.
    let mut words = [""; 5];
    let mut count = 0;
    for word in cleaned.split_whitespace() {
        if count == words.len() {
            return 0.0;
        }
        words[count] = word;
        count += 1;
    }
    let tokens = &words[..count];
    if tokens.is_empty() || tokens.iter().any(|t| is_acronym_compound(t)) {
        return 0.0;
    }
    let mut classes = [(0u8, false); 5];
    for (class, token) in classes.iter_mut().zip(tokens) {
        *class = word_class(token);
    }
    let classes = &classes[..count];
    // Particles and the short lower-case words count only as written (`de` is a
    // particle, `De` a given name; `In Gim` is a name).
    let is_particle = |(class, lower): (u8, bool)| class & PARTICLE != 0 && lower;
    if classes.iter().any(|&(class, lower)| {
        (class & NON_NAME != 0 && !is_particle((class, lower)))
            || (class & LOWERCASE_NON_NAME != 0 && lower)
    }) {
        return 0.0;
    }
    if tokens
        .iter()
        .zip(classes)
        .any(|(t, &(class, _))| is_title_word(t, class))
    {
        return 0.1;
    }
    let good = tokens
        .iter()
        .zip(classes)
        .filter(|&(t, &class)| {
            let first = t.chars().next().unwrap_or(' ');
            first.is_uppercase() || is_particle(class) || is_initial(t)
        })
        .count();
    let mut score = good as f32 / tokens.len() as f32;
    if tokens.len() == 1 {
        // A single word can be a name (`Arvind`) but is weak evidence; an
        // all-capitals word is an acronym.
        let word = tokens[0];
        score = if word.chars().all(|c| !c.is_lowercase()) {
            0.0
        } else {
            score * 0.5
        };
    }
    if tokens.len() > 1
        && tokens.iter().all(|t| {
            t.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        })
    {
        // "MIT CSAIL", "UC SB": capitals only is more often an acronym than a name.
        // (`J. S. JEONG`, `G.-I. YU`: initials with their periods and a family
        // name in capitals, as some styles write it, is a name.)
        let long_words = tokens.iter().filter(|t| t.chars().count() > 2).count();
        let initials = tokens.iter().filter(|t| is_initial(t)).count();
        let capitals_family = initials + 1 == tokens.len() && tokens.len() <= 4;
        if (long_words != tokens.len() || tokens.len() > 3) && !capitals_family {
            score *= 0.3;
        }
    }
    // One lower-case first word with a capitalised rest ("zhifeng Chen") is still a name.
    if good + 1 == tokens.len() && tokens.len() >= 2 {
        score = score.max(0.7);
    }
    score
}

/// `R-CNN`, `T-REX`: a letter joined to a word in capitals, as models and
/// systems are named; a name's parts are initials with periods (`J.-P.`) or
/// words (`Jean-Pierre`, `JEAN-PIERRE`).
fn is_acronym_compound(token: &str) -> bool {
    let bytes = token.as_bytes();
    bytes.len() >= 4
        && bytes[0].is_ascii_uppercase()
        && bytes[1] == b'-'
        && bytes[2..].iter().all(u8::is_ascii_uppercase)
}

/// A CJK unified ideograph (Han character), as Chinese and Japanese names are written.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2a6df}')
}

/// Chinese surnames, the common single-character ones (they cover nearly
/// everyone) and the compound ones. Written out by hand: no crate lists them.
const HAN_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由凤";
const HAN_COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯", "长孙",
    "宇文", "司徒", "端木", "西门", "南宫", "独孤", "钟离", "轩辕",
];

/// Japanese surnames, the most common ones (Japanese names are written
/// family name first, often with a space: `山田太郎`, `佐藤 花子`). Written
/// out by hand: no crate lists them.
const JAPANESE_SURNAMES: &[&str] = &[
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "渡邊",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "斎藤",
    "斉藤",
    "清水",
    "山崎",
    "池田",
    "橋本",
    "阿部",
    "石川",
    "山下",
    "中島",
    "石井",
    "小川",
    "前田",
    "岡田",
    "長谷川",
    "藤田",
    "後藤",
    "近藤",
    "村上",
    "遠藤",
    "青木",
    "坂本",
    "福田",
    "太田",
    "西村",
    "藤井",
    "金子",
    "岡本",
    "藤原",
    "中野",
    "三浦",
    "原田",
    "中川",
    "松田",
    "竹内",
    "小野",
    "田村",
    "中山",
    "和田",
    "石田",
    "森田",
    "上田",
    "内田",
    "柴田",
    "酒井",
    "宮崎",
    "横山",
    "高木",
    "安藤",
    "宮本",
    "大野",
    "小島",
    "谷口",
    "今井",
    "工藤",
    "高田",
    "増田",
    "丸山",
    "杉山",
    "村田",
    "大塚",
    "新井",
    "小山",
    "平野",
    "藤本",
    "河野",
    "上野",
    "野口",
    "武田",
    "松井",
    "千葉",
    "岩崎",
    "菅原",
    "木下",
    "久保",
    "佐野",
    "野村",
    "松尾",
    "菊地",
    "杉本",
    "市川",
    "古川",
    "大西",
    "島田",
    "水野",
    "桜井",
    "高野",
    "吉川",
    "山内",
    "西田",
    "飯田",
    "菊池",
    "西川",
    "小松",
    "北村",
    "安田",
    "五十嵐",
    "川口",
    "平田",
    "中田",
    "久保田",
    "服部",
    "岩田",
    "土屋",
    "川崎",
    "福島",
    "本田",
    "樋口",
    "秋山",
    "田口",
    "永井",
    "山中",
    "中西",
    "吉村",
    "川上",
    "石原",
    "大橋",
    "松岡",
    "馬場",
    "浅野",
    "荒木",
    "大久保",
    "野田",
    "田辺",
    "川村",
    "星野",
    "黒田",
    "尾崎",
    "望月",
    "永田",
    "熊谷",
    "内藤",
    "松村",
    "西山",
    "大谷",
    "平井",
    "大島",
    "岩本",
    "片山",
    "本間",
    "早川",
    "横田",
    "岡崎",
    "荒井",
    "大石",
    "鎌田",
    "成田",
    "宮田",
    "小田",
    "石橋",
    "篠原",
    "須藤",
    "河合",
    "大川",
    "高山",
    "森",
    "林",
    "原",
    "辻",
    "堀",
];

/// `山田太郎`: a known Japanese surname and a given name of one to three
/// characters, as (family, given).
fn japanese_surname(text: &str) -> Option<(&str, &str)> {
    JAPANESE_SURNAMES
        .iter()
        .filter_map(|surname| Some((*surname, text.strip_prefix(surname)?)))
        // The longest surname that fits: `佐々木` before a shorter one.
        .max_by_key(|(surname, _)| surname.len())
        .filter(|(_, given)| (1..=3).contains(&given.chars().count()) && given.chars().all(is_han))
}

/// A name in Han characters: a Chinese surname, then one or two characters
/// (a compound surname, then one or two), or a Japanese surname, then one to
/// three characters, maybe after a space (`佐藤 花子`).
fn is_han_name(text: &str) -> bool {
    // One space (ASCII or ideographic) between a Japanese family and given name.
    let spaced = text
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .count()
        == 2;
    let joined: String;
    let text = if spaced {
        joined = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{3000}'))
            .collect();
        joined.as_str()
    } else {
        text
    };
    if japanese_surname(text).is_some() {
        return true;
    }
    if spaced {
        return false;
    }
    let count = text.chars().count();
    if !(2..=4).contains(&count) || !text.chars().all(is_han) {
        return false;
    }
    let compound = HAN_COMPOUND_SURNAMES.iter().any(|s| text.starts_with(s));
    if compound {
        return count >= 3;
    }
    count <= 3
        && text
            .chars()
            .next()
            .is_some_and(|first| HAN_SURNAMES.contains(first))
}

/// `J.`, `J`, `H.T.`, `C.M.`: an initial or run of initials.
fn is_initial(token: &str) -> bool {
    let mut count = 0;
    for c in token.chars().filter(|c| *c != '.' && *c != '-') {
        count += 1;
        if count > 3 || !c.is_uppercase() {
            return false;
        }
    }
    count > 0 && (token.contains('.') || count == 1)
}

/// Whether the text holds a marker; most text is ASCII without `*`, `#` or `^`,
/// and is told apart on its bytes.
fn has_marker(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b'*' | b'#' | b'^') || !b.is_ascii())
        && text
            .chars()
            .any(|c| MARKERS.contains(&c) || is_superscript_digit(c))
}

/// `Woosuk Kwon¹`, `Ion Stoica¹²`: the number of an affiliation after a name.
fn is_superscript_digit(c: char) -> bool {
    matches!(c, '\u{b9}' | '\u{b2}' | '\u{b3}' | '\u{2070}'..='\u{2079}')
}

fn strip_markers(text: &str) -> String {
    text.chars()
        .filter(|&c| !MARKERS.contains(&c) && !is_superscript_digit(c))
        .collect()
}

/// How much a whole piece of text looks like an author list, in `0.0..=1.0`.
#[cfg(test)]
pub(crate) fn author_list_score(text: &Styled) -> f32 {
    scored_parse(text).0
}

/// Reads a piece as an author list and says how much it looks like one, in `0.0..=1.0`.
pub(crate) fn scored_parse(text: &Styled) -> (f32, Authors) {
    // Without a separator or a link, a piece holds one name at most: check that
    // cheaply before reading it as a list.
    let plain_text = text.text.as_str();
    // `Ashish Vaswani et al.`: a list cut short, which says it is a list.
    // (A name before its title's colon: `J. Bürklin: "Title"`.)
    let trimmed = plain_text.trim().trim_end_matches(['.', ':']);
    let before_et_al = trimmed
        .strip_suffix(" et al")
        .map(|rest| rest.trim_end_matches(',').trim_end());
    let has_separator = before_et_al.is_some()
        || plain_text.contains([',', ';', '\u{b7}', '&', '(', '，', '、'])
        || plain_text.contains(" and ")
        || plain_text.contains(" / ");
    if !has_separator && text.links().next().is_none() && name_score(trimmed) < 0.5 {
        return (0.0, Authors::default());
    }
    let mut authors = parse(text);
    let plain = text.text.trim();
    if authors.people.is_empty() || plain.is_empty() {
        return (0.0, authors);
    }
    let name_chars: usize = authors.people.iter().map(|p| p.name().len()).sum();
    // An "affiliation" with words of a sentence (`Mastering Atari, Go, Chess
    // and Shogi by Planning with a Learned Model` is no name and its
    // affiliation) explains nothing.
    // (People who share an affiliation share its text: each is looked at once.)
    let mut last: Option<(&str, bool)> = None;
    let affiliation_chars: usize = authors
        .people
        .iter()
        .filter_map(|p| p.affiliation.as_deref())
        .filter(|&affiliation| {
            let sentence = match last {
                Some((text, sentence)) if std::ptr::eq(text, affiliation) => sentence,
                _ => has_sentence_words(affiliation),
            };
            last = Some((affiliation, sentence));
            !sentence
        })
        .map(str::len)
        .sum();
    // Share of the text explained as names and affiliations (separators aside),
    // and `et al.`.
    let et_al_chars = before_et_al.map_or(0, |rest| trimmed.len() - rest.len());
    let explained =
        (name_chars + affiliation_chars + et_al_chars) as f32 / plain.len().max(1) as f32;
    let mean_name: f32 = authors.name_scores.iter().sum::<f32>() / authors.people.len() as f32;
    let count_factor = match authors.people.len() {
        _ if before_et_al.is_some() => 1.0,
        1 => 0.75,
        2 => 0.9,
        _ => 1.0,
    };
    // Names inside a sentence ("working with A, B and C, where we...") are not an author list.
    let prose_factor = if explained < 0.5 {
        explained / 0.5
    } else {
        1.0
    };
    let score = (explained.min(1.0) * 0.4 + mean_name * 0.6) * count_factor * prose_factor;
    authors.score = score;
    (score, authors)
}

/// Whether text has words that sentences and titles have and no
/// organisation's name does (`by`, `with`, `using`, `a`), written in lower case.
fn has_sentence_words(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "by", "with", "without", "via", "using", "towards", "toward", "through", "into", "over",
        "a", "an", "is", "are", "we", "our",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| WORDS.contains(&word))
}

/// The people of a short citation (`Kaneko et al.`, `Zhao and Wang`): two
/// family names alone are no list [`parse`] reads (`Search and Rescue`
/// looks the same), but the caller knows they cite authors.
pub(crate) fn short_citation(text: &Styled) -> Authors {
    let read = scored_parse(text).1;
    if !read.people.is_empty() {
        return read;
    }
    let mut authors = Authors::default();
    let names = text
        .text
        .split_once(", ")
        .map_or(text.text.as_str(), |(names, _)| names);
    for name in names
        .split(" and ")
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        authors.name_scores.push(name_score(name));
        authors.marks.push(String::new());
        authors.people.push(Person::new(name));
    }
    authors
}

/// Family names alone, `least` to eight (`Fischer, Lynch, Paterson`, `Ongaro
/// & Ousterhout`, `Ghemawat, Gobioff, and Leung`, `Lamport`), as course
/// reading lists and informal lists cite. [`parse`] does not read them: `Eat, Pray, Love` and
/// `Search & Rescue` look the same, and the caller knows a title follows.
/// Each is one capitalised word that scores as a name (no title word, no
/// acronym).
pub(crate) fn family_names(text: &Styled, least: usize) -> Option<Authors> {
    let plain = text.text.trim().trim_end_matches(['.', ',']);
    if plain.len() > 120 || (least > 1 && !plain.contains([',', '&', ' '])) {
        return None;
    }
    let mut authors = Authors::default();
    for part in plain.split(',') {
        let part = part.trim();
        let mut names = part.strip_prefix("and ").unwrap_or(part);
        names = names.strip_prefix("& ").unwrap_or(names);
        // `Ongaro & Ousterhout`, `Gobioff and Leung` in one element.
        let joined = names
            .split_once(" and ")
            .or_else(|| names.split_once(" & "));
        let pair = match joined {
            Some((left, right)) => [left.trim(), right.trim()],
            None => [names, ""],
        };
        for name in pair.into_iter().filter(|name| !name.is_empty()) {
            let word_like = name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
                && name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().any(char::is_lowercase);
            if !word_like || name_score(name) < 0.5 || authors.people.len() == 8 {
                return None;
            }
            authors.people.push(Person::from_parts(None, name));
            authors.name_scores.push(0.5);
            authors.marks.push(String::new());
        }
    }
    if authors.people.len() < least.max(1) {
        return None;
    }
    authors.score = 0.5;
    Some(authors)
}

/// A lone `Family, Given` name: Chicago and MLA's single author before a
/// quoted title (`Lamport, Leslie. "The Part-Time Parliament."`). [`parse`]
/// does not read it as a list on its own, as a place (`Seattle, Washington`)
/// looks the same: the caller knows the context.
pub(crate) fn lone_inverted_name(text: &Styled) -> Option<Authors> {
    let (text, _) = unwrap_list(text);
    let found = first_inverted_style(&text.text, true)?;
    if found.len() != 1 {
        return None;
    }
    let mut authors = finish(&text, found);
    let score = authors.name_scores.first().copied()?;
    authors.score = score;
    (score >= 0.6).then_some(authors)
}

/// A column of authors as a spreadsheet or paperlist's CSV writes it:
/// `Philipp Moritz; Ion Stoica; Facebook AI Infra`, one name per `;`, no
/// affiliations. Every element is taken as written: a one-word name
/// (`Arvind`) is a person, an organisation (`Facebook AI Infra`) a literal
/// name. `None` when the cell is not such a list.
pub(crate) fn semicolon_list(text: &Styled) -> Option<Authors> {
    let plain = text.text.trim();
    if !plain.contains(';') || plain.contains(['(', ',']) {
        return None;
    }
    let mut names: Vec<&str> = plain
        .split(';')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    // Where a name is in the text, for its marks (a site's owner in bold).
    let range_of = |name: &str| {
        let start = name.as_ptr() as usize - text.text.as_ptr() as usize;
        start..start + name.len()
    };
    let cut_short = names
        .last()
        .is_some_and(|last| matches!(*last, "et al." | "et al" | "others" | "..." | "\u{2026}"));
    if cut_short {
        names.pop();
    }
    if names.iter().any(|name| fields::words_up_to(name, 7) > 6) {
        return None;
    }
    let mut authors = Authors::default();
    for raw in names {
        // `Yu-Ju Huang*`: marks after a name are flags, no part of it.
        let stripped;
        let name = if has_marker(raw) {
            stripped = strip_markers(raw);
            stripped.trim()
        } else {
            raw
        };
        if name.is_empty() {
            continue;
        }
        let mut person = if looks_like_organization(name) {
            Person::literal(name)
        } else {
            Person::new(name)
        };
        person.equal_contribution = raw.contains(['*', '∗', '†']);
        person.corresponding = raw.contains('✉');
        authors
            .marks
            .push(raw.chars().filter(|c| MARKERS.contains(c)).collect());
        let range = range_of(raw);
        person.highlighted = text.highlighted(range.clone());
        // A name linked to its dblp page (a saved dblp search) has its pid.
        let pid = text
            .links()
            .find(|(linked, _)| *linked == range)
            .and_then(|(_, url)| dblp_pid(url));
        person.set_dblp_pid(pid.as_deref());
        authors.name_scores.push(name_score(person.name()));
        authors.people.push(person);
    }
    authors.score = 1.0;
    authors.cut_short = cut_short;
    Some(authors)
}

/// Reads an author list.
pub(crate) fn parse(text: &Styled) -> Authors {
    let (text, cut_short) = unwrap_list(text);
    let plain = text.text.as_str();
    let linked = text
        .links()
        .filter(|(range, _)| name_score(&plain[range.clone()]) >= 0.6)
        .count();
    if linked >= 2 || (linked == 1 && text.links().count() == 1 && !plain.contains('(')) {
        let mut authors = finish(&text, linked_style(&text));
        authors.cut_short = cut_short;
        return authors;
    }
    // Try every style the text could be in and keep the reading that explains it best.
    let mut readings: Vec<Vec<Found>> = Vec::new();
    if plain.contains('(') {
        readings.push(paren_style(plain));
    }
    if plain.contains('·') {
        readings.push(simple_list(plain, &['·']));
    }
    // `Paul Barham / Aakanksha Chowdhery / Jeff Dean`.
    if plain.contains(" / ") {
        readings.push(simple_list(plain, &['/']));
    }
    // Chinese lists separate names with full-width commas or `、`.
    if plain.contains(['，', '、']) {
        readings.push(simple_list(plain, &['，', '、', ',']));
    }
    if plain.contains(';') {
        readings.push(usenix_style(plain));
    }
    readings.push(group(plain, 0..plain.len(), false));
    if let Some(reading) = inverted_style(plain) {
        readings.push(reading);
    }
    if let Some(reading) = first_inverted_style(plain, cut_short) {
        readings.push(reading);
    }
    let best = readings
        .into_iter()
        .map(|mut reading| (reading_quality(plain, &mut reading), reading))
        .fold(
            None::<(f32, Vec<Found>)>,
            |best, (quality, reading)| match best {
                Some((q, _)) if q >= quality => best,
                _ => Some((quality, reading)),
            },
        )
        .map(|(_, reading)| reading)
        .unwrap_or_default();
    let mut authors = finish(&text, best);
    // `Shoeybi et al.`: a family name alone, which `et al.` says is a name.
    if authors.people.is_empty()
        && cut_short
        && !plain.contains([' ', ','])
        && name_score(plain) >= 0.5
    {
        authors = finish(&text, vec![Found::name(0..plain.len())]);
    }
    authors.cut_short = cut_short;
    authors
}

/// How good a reading is: names that look like names count, things read as
/// names that do not look like one count against it.
///
/// Scores of the written names are kept in the reading, for [`finish`].
fn reading_quality(text: &str, reading: &mut [Found]) -> f32 {
    reading
        .iter_mut()
        .map(|found| {
            let written = &text[found.range.clone()];
            let score = if written.contains(',') {
                name_score(Person::new(written).name())
            } else {
                *found.score.get_or_insert_with(|| name_score(written))
            };
            if score >= 0.5 { score } else { -1.0 }
        })
        .sum()
}

/// Strips what wraps a whole list: quotes, a trailing period, `et al.`; says
/// whether the list said it was cut short.
fn unwrap_list(text: &Styled) -> (Styled, bool) {
    let mut current = text.trim_matches(&['"', '“', '”', '_']);
    // A list wrapped in `*...*` has its emphasis as a mark already; stray
    // asterisks at the ends are markers only when glued to a name.
    loop {
        let t = current.text.trim_end();
        let ends_with_initial = t
            .strip_suffix('.')
            .and_then(|rest| rest.split_whitespace().last())
            .is_some_and(|last| is_initial(&format!("{last}.")) && last.chars().count() <= 2);
        // dblp ends its author lists with a colon: `A, B, C:`.
        if (t.ends_with('.') && !ends_with_initial) || t.ends_with([',', ';', ':']) {
            current = current.slice(0..t.len() - 1).trim();
        } else {
            break;
        }
    }
    let mut cut_short = false;
    // Google Scholar cuts a long list with `...` (its periods went above) or `…`.
    for suffix in ["\u{2026}", " et al", ", et al", " et al.", " and others"] {
        if current.text.ends_with(suffix) {
            // The list is cut short; enrichment can fill it in.
            current = current.slice(0..current.text.len() - suffix.len()).trim();
            cut_short = true;
        }
    }
    // MLA's `Vaswani, Ashish, et al.`: the comma before `et al` goes too.
    if cut_short && current.text.ends_with(',') {
        current = current.slice(0..current.text.len() - 1).trim();
    }
    (current, cut_short)
}

/// Splits `range` of `text` at separators outside parentheses and brackets
/// into trimmed, non-empty sub-ranges.
fn split_ranges(text: &str, range: Range<usize>, seps: &[char]) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut push = |piece: Range<usize>| {
        let piece = trim_range(text, piece);
        if !piece.is_empty() {
            pieces.push(piece);
        }
    };
    let mut start = range.start;
    let mut depth = 0i32;
    if seps.iter().all(char::is_ascii) {
        // Byte by byte: ASCII bytes never occur inside a multi-byte character.
        for (i, &b) in text.as_bytes()[range.clone()].iter().enumerate() {
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = (depth - 1).max(0),
                _ if depth == 0 && seps.iter().any(|&sep| sep as u32 == u32::from(b)) => {
                    let at = range.start + i;
                    push(start..at);
                    start = at + 1;
                }
                _ => {}
            }
        }
    } else {
        for (i, c) in text[range.clone()].char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = (depth - 1).max(0),
                _ if depth == 0 && seps.contains(&c) => {
                    let at = range.start + i;
                    push(start..at);
                    start = at + c.len_utf8();
                }
                _ => {}
            }
        }
    }
    push(start..range.end);
    pieces
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// `A and B` inside one element: the two ranges, when both look like names.
fn split_and(text: &str, range: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let slice = &text[range.clone()];
    // The first " and ", else the first " & " (found on bytes: both are ASCII).
    let bytes = slice.as_bytes();
    let at_word = |word: &[u8]| {
        (0..bytes.len()).find(|&i| {
            bytes[i] == b' '
                && bytes.get(i + 1..i + 1 + word.len()) == Some(word)
                && bytes.get(i + 1 + word.len()) == Some(&b' ')
        })
    };
    let (at, sep_len) = match at_word(b"and") {
        Some(at) => (at, 5),
        None => (at_word(b"&")?, 3),
    };
    let left = trim_range(text, range.start..range.start + at);
    let right = trim_range(text, range.start + at + sep_len..range.end);
    (name_score(&text[left.clone()]) >= 0.6 && name_score(&text[right.clone()]) >= 0.5)
        .then_some((left, right))
}

/// Strips a leading `and ` from an element, and the ellipsis that stands for
/// names left out before it (APA's `..., Gomez, A. N., ... & Polosukhin, I.`).
fn strip_and(text: &str, range: Range<usize>) -> (Range<usize>, bool) {
    let mut range = range;
    for ellipsis in ["...", "\u{2026}"] {
        if text[range.clone()].starts_with(ellipsis) {
            range = trim_range(text, range.start + ellipsis.len()..range.end);
        }
    }
    let slice = &text[range.clone()];
    for prefix in ["and ", "& "] {
        if let Some(rest) = slice.strip_prefix(prefix) {
            return (trim_range(text, range.end - rest.len()..range.end), true);
        }
    }
    (range, false)
}

/// One comma-separated group: names first, then (maybe) an affiliation.
///
/// `needs_affiliation` is set inside USENIX-style lists, where every group
/// ends with one.
fn group(text: &str, range: Range<usize>, needs_affiliation: bool) -> Vec<Found> {
    let elements = split_ranges(text, range, &[',']);
    if elements.is_empty() {
        return Vec::new();
    }
    // Where do the names end? At the element that joins the last name with "and",
    // provided everything before it is a name.
    // Each name with its score, when computed here.
    let mut names: Vec<(Range<usize>, Option<f32>)> = Vec::new();
    let mut end_of_names = None;
    for (i, element) in elements.iter().enumerate() {
        let (element, had_and) = strip_and(text, element.clone());
        let score = name_score(&text[element.clone()]);
        if had_and && score >= 0.5 {
            names.push((element, Some(score)));
            end_of_names = Some(i);
            break;
        }
        // `A, B, and Google Research`: an organisation as the last author
        // (an affiliation follows names with a comma, not with `and`).
        if had_and && !names.is_empty() && looks_like_organization(&text[element.clone()]) {
            names.push((element, Some(score)));
            end_of_names = Some(i);
            break;
        }
        if let Some((left, right)) = split_and(text, element.clone()) {
            names.push((left, None));
            names.push((right, None));
            end_of_names = Some(i);
            break;
        }
        if score >= 0.6 {
            names.push((element, Some(score)));
        } else {
            break;
        }
    }
    let affiliation_from = match end_of_names {
        Some(i) => i + 1,
        None => {
            if needs_affiliation && elements.len() > 1 {
                // In a USENIX list, several names in one group are joined with
                // "and"; a group without it holds one name and its affiliation.
                names.truncate(1);
            }
            names.len()
        }
    };
    let affiliation_span = (affiliation_from < elements.len())
        .then(|| elements[affiliation_from].start..elements[elements.len() - 1].end);
    names
        .into_iter()
        .map(|(range, score)| Found {
            range,
            affiliation: None,
            affiliation_span: affiliation_span.clone(),
            dblp_pid: None,
            trailing_marker: false,
            score,
        })
        .collect()
}

/// Writes out the affiliations [`group`] left as spans, one text for each span.
fn write_out_affiliations(text: &str, found: &mut [Found]) {
    let mut last: Option<(Range<usize>, Arc<str>)> = None;
    for item in found {
        let Some(span) = item.affiliation_span.take() else {
            continue;
        };
        let written = match &last {
            Some((at, written)) if *at == span => Arc::clone(written),
            _ => {
                let written = Arc::<str>::from(collapsed(&text[span.clone()]).as_ref());
                last = Some((span, Arc::clone(&written)));
                written
            }
        };
        item.affiliation = Some(written);
    }
}

/// USENIX style: `;`-separated groups of `names, Affiliation`.
fn usenix_style(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for group_range in split_ranges(text, 0..text.len(), &[';']) {
        let mut people = group(text, group_range.clone(), true);
        write_out_affiliations(text, &mut people);
        // `Xuhao Chen; Arvind`: in a list of names alone, a one-word name is
        // a name, not one more affiliation.
        let lone_name = people.is_empty()
            && !found.is_empty()
            && found.iter().all(|f| f.affiliation.is_none())
            && !text[group_range.clone()].contains([',', ' '])
            && name_score(&text[group_range.clone()]) >= 0.5;
        if lone_name {
            found.push(Found::name(group_range));
            continue;
        }
        if people.is_empty() {
            // A group with no name is one more affiliation of the group before.
            let extra = collapse_whitespace(&text[group_range]);
            let last_affiliation = found.last().and_then(|f| f.affiliation.clone());
            // Everyone who shares the last affiliation gets the extra one too.
            let extended: Arc<str> = match &last_affiliation {
                Some(aff) => format!("{aff}; {extra}").into(),
                None => extra.into(),
            };
            for person in found.iter_mut().rev() {
                if person.affiliation != last_affiliation {
                    break;
                }
                person.affiliation = Some(extended.clone());
            }
            continue;
        }
        found.extend(people);
    }
    // A list that only uses ";" as a separator between names ("A; B; C").
    if found.iter().all(|f| f.affiliation.is_none()) && found.is_empty() {
        return simple_list(text, &[';']);
    }
    found
}

/// A list separated by the given characters (and a final "and"), no affiliations.
fn simple_list(text: &str, seps: &[char]) -> Vec<Found> {
    let mut found = Vec::new();
    for element in split_ranges(text, 0..text.len(), seps) {
        if let Some((left, right)) = split_and(text, element.clone()) {
            found.push(Found::name(left));
            found.push(Found::name(right));
            continue;
        }
        let (element, _) = strip_and(text, element);
        found.push(Found::name(element));
    }
    found
}

/// Family name first: `Moritz, P., Nishihara, R., and Stoica, I.` (ACM and APA
/// references) or `Moritz, Philipp and Stoica, Ion` (BibTeX).
fn inverted_style(text: &str) -> Option<Vec<Found>> {
    // BibBase and Chicago: `Doe, J.; Chen, W.; and Stoica, I.`, one
    // `Family, Given` per `;`, the last maybe after `and`.
    if text.contains("; ") {
        let elements = split_ranges(text, 0..text.len(), &[';']);
        let pairs: Vec<Range<usize>> = elements
            .iter()
            .map(|element| strip_and(text, element.clone()).0)
            .filter(|element| !element.is_empty())
            .collect();
        let inverted = |range: &Range<usize>| {
            text[range.clone()]
                .split_once(", ")
                .is_some_and(|(family, given)| {
                    !family.contains(',')
                        && !given.contains(',')
                        && (1..=3).contains(&family.split_whitespace().count())
                        && (1..=2).contains(&given.split_whitespace().count())
                        // `J.`, `W.-K.`, `Jane`: initials or given names, not `UC Berkeley`.
                        && given.split_whitespace().all(|word| {
                            is_initial(word)
                                || (word.starts_with(|c: char| c.is_uppercase())
                                    && word.chars().skip(1).all(char::is_lowercase))
                        })
                })
        };
        if pairs.len() >= 2 && pairs.iter().all(inverted) {
            return Some(pairs.into_iter().map(Found::name).collect());
        }
    }
    // BibTeX: "Family, Given and Family, Given".
    if text.contains(" and ") && !text.contains(';') {
        let parts: Vec<Range<usize>> = split_on_word(text, "and");
        if parts.len() >= 2
            && parts
                .iter()
                .all(|r| text[r.clone()].matches(',').count() == 1)
        {
            return Some(parts.into_iter().map(Found::name).collect());
        }
    }
    // "Family, I., Family, I.": every second element is initials. Harvard
    // joins the last two with `and` and no comma (`Kaiser, Ł. and Polosukhin,
    // I.`); APA puts `...` for names left out (`Gomez, A. N., ... & Polosukhin, I.`).
    let initials = |r: &Range<usize>| {
        let t = text[r.clone()].trim();
        !t.is_empty()
            && t.split([' ', '.', '-'])
                .filter(|p| !p.is_empty())
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    };
    // Most lists are not inverted: the second element tells, before any splitting.
    let mut commas = text.match_indices(',').map(|(at, _)| at);
    let second = match (commas.next(), commas.next()) {
        (Some(first), Some(next)) => first + 1..next,
        (Some(first), None) => first + 1..text.len(),
        _ => return None,
    };
    let second = trim_range(text, second);
    let second_initials = initials(&second)
        || text[second.clone()]
            .split_once(" and ")
            .or_else(|| text[second.clone()].split_once(" & "))
            .is_some_and(|(head, _)| {
                initials(&trim_range(text, second.start..second.start + head.len()))
            });
    if !second_initials {
        return None;
    }
    let joined = text.contains(" and ") || text.contains(" & ");
    let mut elements = Vec::new();
    for element in split_ranges(text, 0..text.len(), &[',']) {
        let mut rest = element;
        if joined {
            // `Kaiser, Ł. and Polosukhin`: the words split an element too.
            while let Some((at, len)) = [" and ", " & "]
                .iter()
                .filter_map(|word| text[rest.clone()].find(word).map(|at| (at, word.len())))
                .min()
            {
                elements.push(trim_range(text, rest.start..rest.start + at));
                rest = trim_range(text, rest.start + at + len..rest.end);
            }
        }
        elements.push(rest);
    }
    // What is left of `...` once stripped is nothing.
    elements.retain(|element| !strip_and(text, element.clone()).0.is_empty());
    if elements.len() < 2 || elements.len() % 2 != 0 {
        return None;
    }
    if !elements.iter().skip(1).step_by(2).all(initials) {
        return None;
    }
    let pairs = elements
        .chunks(2)
        .map(|pair| {
            let (family, _) = strip_and(text, pair[0].clone());
            Found::name(family.start..pair[1].end)
        })
        .collect();
    Some(pairs)
}

/// MLA and Chicago: the first author family name first, the others as
/// written: `Vaswani, Ashish, Noam Shazeer, and Illia Polosukhin`, or
/// `Moritz, Philipp, et al.` (`cut_short`: the list ended in `et al`).
///
/// The first element is one family name (one word, maybe after particles) and
/// the second a given name: one word, maybe with initials (`Aidan N.`), so
/// that a list opening with a one-word name (`Arvind, Ion Stoica, ...`) is not
/// read this way. A lone `Family, Given` pair is read only before `et al`: a
/// place (`Seattle, Washington`) looks the same.
fn first_inverted_style(text: &str, cut_short: bool) -> Option<Vec<Found>> {
    // The first two elements are told apart before any splitting: most
    // lists are not in this style.
    let comma = text.find(',')?;
    let mut family_words = text[..comma].split_whitespace();
    let last = family_words.next_back()?;
    let family_ok = family_words.all(|w| {
        let (class, lower) = word_class(w);
        class & PARTICLE != 0 && lower
    }) && last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().skip(1).any(char::is_lowercase);
    if !family_ok {
        return None;
    }
    let mut given_words = text[comma + 1..].split(',').next()?.split_whitespace();
    let first_given = given_words.next()?;
    // `Reddi, Vijay Janapa, et al.`: with `et al.` saying it is a list, a
    // second given name is a name too.
    // So does a middle name after an initial (`Bland, J. Martin, and ...`).
    let initials_only = is_initial(first_given);
    let second_given = |w: &str| {
        (cut_short || initials_only)
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && word_class(w).0 & (TITLE | NON_NAME) == 0
    };
    // `Kaplan, E. L., and Paul Meier`: Chicago with initials for the first
    // given name.
    let given_ok = initials_only
        || (first_given.chars().next().is_some_and(char::is_uppercase)
            && first_given.chars().skip(1).any(char::is_lowercase));
    if !given_ok || !given_words.all(|w| is_initial(w) || second_given(w)) {
        return None;
    }
    let elements = split_ranges(text, 0..text.len(), &[',']);
    let (family, given) = (elements.first()?, elements.get(1)?);
    if elements.len() == 2 && !cut_short {
        return None;
    }
    let mut found = vec![Found::name(family.start..given.end)];
    if let Some(rest) = elements.get(2) {
        let others = group(text, rest.start..text.len(), false);
        // Every other element must be a name: no affiliations in these styles.
        if others.is_empty() || others.iter().any(|f| f.affiliation_span.is_some()) {
            return None;
        }
        // After initials, the others are whole names (`J. E. Everhart`), not
        // the halves of more inverted ones (APA's `Kwon, W., Li, Z.`).
        let whole = |f: &Found| {
            let name = &text[f.range.clone()];
            name.contains(' ') && !name.rsplit(' ').next().is_some_and(is_initial)
        };
        if initials_only && !others.iter().all(whole) {
            return None;
        }
        found.extend(others);
    }
    Some(found)
}

/// Splits at a whole word (` and `), trimming the pieces.
fn split_on_word(text: &str, word: &str) -> Vec<Range<usize>> {
    let needle = format!(" {word} ");
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(&needle) {
        parts.push(trim_range(text, start..at));
        start = at + needle.len();
    }
    parts.push(trim_range(text, start..text.len()));
    parts.into_iter().filter(|r| !r.is_empty()).collect()
}

/// `A (Aff), B, C (Shared Aff); (Extra Aff)`.
fn paren_style(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // Names since the last affiliation: a following affiliation is theirs too.
    let mut waiting: Vec<usize> = Vec::new();
    for element in split_ranges(text, 0..text.len(), &[',', ';']) {
        let slice = &text[element.clone()];
        let after_paren = slice.rfind(')').map_or("", |close| &slice[close..]);
        let trailing_marker = after_paren.contains(['*', '∗', '†']);
        let (names_part, affiliation) = match (slice.find('('), slice.rfind(')')) {
            (Some(open), Some(close)) if close > open => {
                let inner = collapse_whitespace(&slice[open + 1..close]);
                let names = trim_range(text, element.start..element.start + open);
                // Markers may follow the parenthesis: "Name (Aff)*".
                (names, Some(inner).filter(|a| !a.is_empty()))
            }
            _ => (element.clone(), None),
        };
        let mut names: Vec<Range<usize>> = Vec::new();
        if !names_part.is_empty() {
            if let Some((left, right)) = split_and(text, names_part.clone()) {
                names.push(left);
                names.push(right);
            } else {
                names.push(strip_and(text, names_part).0);
            }
        }
        if names.is_empty() {
            // "(Meta)": one more affiliation of the person before.
            if let (Some(extra), Some(last)) = (affiliation, found.last_mut()) {
                last.affiliation = Some(match &last.affiliation {
                    Some(aff) => format!("{aff}; {extra}").into(),
                    None => extra.into(),
                });
            }
            continue;
        }
        for range in names {
            found.push(Found {
                trailing_marker,
                ..Found::name(range)
            });
            waiting.push(found.len() - 1);
        }
        if let Some(affiliation) = affiliation {
            let affiliation: Arc<str> = affiliation.into();
            for &i in &waiting {
                found[i].affiliation = Some(affiliation.clone());
            }
            waiting.clear();
        }
    }
    found
}

/// `[A](url) Aff, [B](url) Aff` or `[A](url), [B](url), C`.
fn linked_style(text: &Styled) -> Vec<Found> {
    let plain = text.text.as_str();
    let links: Vec<(Range<usize>, String)> = text
        .links()
        .filter(|(range, _)| name_score(&plain[range.clone()]) >= 0.6)
        .map(|(range, url)| (range, url.to_owned()))
        .collect();
    let mut found: Vec<Found> = Vec::new();
    let mut betweens: Vec<Range<usize>> = Vec::new();
    // Text before the first link: plain names, if any.
    if let Some((first, _)) = links.first() {
        let before = trim_range(plain, 0..first.start);
        if !before.is_empty() {
            found.extend(
                simple_list(&plain[..before.end], &[',', ';'])
                    .into_iter()
                    .filter(|f| name_score(&plain[f.range.clone()]) >= 0.6),
            );
        }
    }
    for (i, (range, url)) in links.iter().enumerate() {
        found.push(Found {
            dblp_pid: dblp_pid(url),
            ..Found::name(range.clone())
        });
        let next = links.get(i + 1).map_or(plain.len(), |(r, _)| r.start);
        let between = trim_separators(plain, range.end..next);
        // dblp links every author but the page's owner: `[A](..), Ion Stoica,
        // [B](..)`. Text set off by separators on both sides is names, not
        // the affiliation that follows a name (`[A](..) Stanford, [B](..)`).
        let gap = &plain[range.end..next];
        let listed = i + 1 < links.len()
            && !between.is_empty()
            && gap.trim_start().starts_with([',', ';'])
            && gap.trim_end().ends_with([',', ';']);
        if listed {
            for extra in simple_list(&plain[..between.end], &[',', ';']) {
                if extra.range.start >= between.start {
                    found.push(extra);
                }
            }
            betweens.push(between.start..between.start);
            continue;
        }
        if i + 1 < links.len() {
            if !between.is_empty() {
                let last = found.len() - 1;
                found[last].affiliation = Some(collapse_whitespace(&plain[between.clone()]).into());
            }
            betweens.push(between);
        } else if !between.is_empty() {
            let affiliations_between = betweens.iter().any(|b| !b.is_empty());
            if affiliations_between {
                let last = found.len() - 1;
                found[last].affiliation = Some(collapse_whitespace(&plain[between]).into());
            } else {
                // arXiv-style lists end with plain names: "[A](..), [B](..), C".
                for mut extra in simple_list(&plain[..between.end], &[',', ';']) {
                    if extra.range.start >= between.start {
                        extra.affiliation = None;
                        found.push(extra);
                    }
                }
            }
        }
    }
    found
}

/// Trims spaces, commas and semicolons from both ends of a range.
fn trim_separators(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let is_sep = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '·');
    let start = range.start + (slice.len() - slice.trim_start_matches(is_sep).len());
    let end = range.start + slice.trim_end_matches(is_sep).len();
    start..end.max(start)
}

/// The pid in a dblp person link (`https://dblp.org/pid/77/1117.html`).
fn dblp_pid(url: &str) -> Option<String> {
    let rest = url
        .split("dblp.org/pid/")
        .nth(1)
        .or_else(|| url.split("dblp.uni-trier.de/pid/").nth(1))?;
    let pid = rest
        .trim_end_matches(".html")
        .trim_end_matches(".xml")
        .trim_end_matches('/');
    (!pid.is_empty()).then(|| pid.to_owned())
}

/// Turns found names into people: markers become flags, bold or underlined names
/// are highlighted, glued names are split.
fn finish(text: &Styled, mut found: Vec<Found>) -> Authors {
    let mut authors = Authors::default();
    let plain = text.text.as_str();
    write_out_affiliations(plain, &mut found);
    // Vancouver (PubMed) style writes every name `Family Initials`.
    // One name alone is read so when written without periods as two words
    // (`Stoica I`, `Hinton GE`).
    let lone = match found.as_slice() {
        [only] => {
            let raw = plain[only.range.clone()].trim();
            !raw.contains('.') && raw.split_whitespace().count() == 2
        }
        _ => false,
    };
    // Marks after a name (`Jumper J#`, `Hassabis D*`) are no initials.
    let vancouver = (found.len() >= 2 || lone)
        && found.iter().all(|f| {
            let raw = &plain[f.range.clone()];
            let unmarked = if has_marker(raw) {
                Cow::Owned(strip_markers(raw))
            } else {
                Cow::Borrowed(raw)
            };
            vancouver_name(unmarked.trim().trim_end_matches('.')).is_some()
        });
    for item in found {
        let raw = &plain[item.range.clone()];
        let marked_equal = item.trailing_marker || raw.contains(['*', '∗', '†']);
        let mut marks: String = raw.chars().filter(|c| MARKERS.contains(c)).collect();
        if item.trailing_marker && marks.is_empty() {
            marks.push('*');
        }
        let marked_corresponding = raw.contains('✉');
        let highlighted = text.highlighted(item.range.clone());
        let stripped = if has_marker(raw) {
            Cow::Owned(strip_markers(raw))
        } else {
            Cow::Borrowed(raw)
        };
        let repaired = repair_diacritics(&stripped);
        let single_spaced = collapsed(&repaired);
        let trimmed = single_spaced
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':'));
        let cleaned = restore_initial_period(raw, trimmed);
        if cleaned.is_empty() {
            continue;
        }
        let glued = split_glued(&cleaned);
        if let Some((first, second)) = &glued {
            authors.notes.push(format!(
                "split glued names {cleaned:?} into {first:?} and {second:?}"
            ));
        }
        let names = match &glued {
            Some((first, second)) => [first.as_str(), second.as_str()],
            None => [cleaned.as_ref(), ""],
        };
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            // The reading may have scored this very text already.
            let score = match item.score {
                Some(score) if name == raw => score,
                _ => name_score(name),
            };
            if score < 0.5 {
                authors
                    .notes
                    .push(format!("{name:?} does not look like a person's name"));
            }
            // `Doe J., Chen W.`: the list was found Vancouver without the final periods.
            let vancouver_parts = vancouver
                .then(|| vancouver_name(name.trim_end_matches('.')))
                .flatten();
            let mut person = match vancouver_parts {
                Some((family, initials)) => vancouver_person(family, initials),
                None if score < 0.5 && looks_like_organization(name) => Person::literal(name),
                // `佐藤 花子`: family name first, as Han names are written.
                None if !name.is_ascii() && name.chars().any(is_han) => {
                    let mut person = Person::new(name);
                    // Shown as written, family name first: `佐藤 花子`.
                    // (`山田太郎` stays whole: written without a space, it is
                    // kept so wherever it goes, a BibTeX name included.)
                    let parts = name
                        .split_once([' ', '\u{3000}'])
                        .map(|(family, given)| (family, given.trim()));
                    if let Some((family, given)) = parts {
                        person.set_name(name);
                        person.set_family(Some(family));
                        person.set_given(Some(given));
                    }
                    person
                }
                None => Person::new(name),
            };
            person.affiliation = item.affiliation.clone();
            person.set_dblp_pid(item.dblp_pid.as_deref());
            person.equal_contribution = marked_equal;
            person.corresponding = marked_corresponding;
            person.highlighted = highlighted;
            // The name as shown may be reordered ("Family, Given"): score that.
            let shown_score = if person.name() == name {
                score
            } else {
                name_score(person.name())
            };
            authors.name_scores.push(shown_score);
            authors.people.push(person);
            authors.marks.push(marks.clone());
        }
    }
    authors
}

/// The person a Vancouver name is: `Gomez AN` is `A. N. Gomez`; initials
/// written with their periods are kept so (`M.L.`, `J.-P.`).
pub(crate) fn vancouver_person(family: &str, initials: &str) -> Person {
    let mut given = String::new();
    if initials.contains(['.', '-']) {
        given.push_str(initials);
        given.push('.');
    } else {
        for initial in initials.chars().filter(|c| !c.is_whitespace()) {
            given.push(initial);
            given.push_str(". ");
        }
    }
    Person::new(&format!("{family}, {}", given.trim_end()))
}

/// `Vaswani A`, `Gomez AN`, `van der Berg JH`: a family name, then one to three
/// capitals without periods (Vancouver and PubMed style). Gives the two.
pub(crate) fn vancouver_name(name: &str) -> Option<(&str, &str)> {
    let name = name.trim();
    let (mut family, last) = name.rsplit_once(' ')?;
    // GB/T 7714 spaces the initials: `Brown T B`.
    let is_capital = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    };
    if is_capital(last) {
        while let Some((rest, word)) = family.rsplit_once(' ')
            && is_capital(word)
        {
            family = rest;
        }
    }
    let initials = name[family.len()..].trim_start();
    // `Cerquaglia M.L`, `Ponthot J.-P`: initials run together with periods
    // (the last one's trimmed) or a hyphen.
    let letters = || {
        initials
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
    };
    let initials_ok = (1..=3).contains(&letters().count()) && letters().all(char::is_uppercase);
    if !initials_ok {
        return None;
    }
    let mut words = family.split_whitespace().peekable();
    let mut family_ok = words.peek().is_some();
    while let Some(word) = words.next() {
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase);
        let particle = word_class(word).0 & PARTICLE != 0 && words.peek().is_some();
        family_ok &= capitalised || particle;
    }
    family_ok.then_some((family, initials))
}

/// Keeps the period of a final initial ("Quoc V." stays "Quoc V.").
fn restore_initial_period<'a>(raw: &str, cleaned: &'a str) -> Cow<'a, str> {
    let last = cleaned.split_whitespace().last().unwrap_or_default();
    // `V`, or initials run together: `A.N` of `Gomez, A.N.`; `Steele Jr.`.
    let is_initial = !last.is_empty()
        && (last
            .split(['.', '-'])
            .filter(|p| !p.is_empty())
            .all(|part| {
                let mut chars = part.chars();
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
            })
            || matches!(last, "Jr" | "Sr"));
    if is_initial
        && raw
            .trim_end()
            .strip_suffix('.')
            .is_some_and(|r| r.ends_with(last))
    {
        Cow::Owned(format!("{cleaned}."))
    } else {
        Cow::Borrowed(cleaned)
    }
}

/// Two names glued without a separator: `Kyle ChardIan Foster` is `Kyle Chard`
/// and `Ian Foster`. Only three-word names whose middle word has a second capital
/// after two or more lower-case letters are split (so `DeVito`, `McDanel`,
/// `LeGresley` in two-word names are left alone).
fn split_glued(name: &str) -> Option<(String, String)> {
    let mut words = name.split_whitespace();
    let (Some(first), Some(middle), Some(last), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    // Where a lower-case letter is followed by a capital.
    let mut previous_lower = false;
    let at = middle.char_indices().find_map(|(i, c)| {
        let glued = previous_lower && c.is_uppercase();
        previous_lower = c.is_lowercase();
        glued.then_some(i)
    })?;
    let (left, right) = middle.split_at(at);
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Le", "La", "Di", "Da", "Van", "Von", "Du", "O",
    ];
    if PREFIXES.contains(&left)
        || right.chars().skip(1).any(char::is_uppercase)
        || right.chars().count() < 2
    {
        return None;
    }
    Some((format!("{first} {left}"), format!("{right} {last}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::styled::Mark;

    #[test]
    fn machine_learning_titles_are_no_names() {
        assert!(name_score("Simple Black-box Adversarial Attacks") < 0.5);
        assert!(name_score("Contrastive Domain Transfer") < 0.5);
        // Family names that are words stay names.
        assert!(name_score("Jack Black") >= 0.5);
    }

    #[test]
    fn a_title_with_commas_is_no_name_and_affiliation() {
        let title = "Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model";
        assert!(scored_parse(&Styled::plain(title)).0 < 0.6);
        // An affiliation that is one explains its text.
        let (score, read) = scored_parse(&Styled::plain("Ion Stoica, UC Berkeley"));
        assert!(score >= 0.6, "{score}");
        assert_eq!(read.people[0].affiliation.as_deref(), Some("UC Berkeley"));
    }

    fn names(text: &str) -> Vec<String> {
        parse(&Styled::plain(text))
            .people
            .into_iter()
            .map(|p| p.name().to_owned())
            .collect()
    }

    fn with_affiliations(text: &str) -> Vec<(String, Option<String>)> {
        parse(&Styled::plain(text))
            .people
            .into_iter()
            .map(|p| {
                (
                    p.name().to_owned(),
                    p.affiliation.as_deref().map(String::from),
                )
            })
            .collect()
    }

    #[test]
    fn words_of_titles_and_journals_are_no_names() {
        // A title's first words before a comma (`Do As I Can, Not As I Say:`).
        assert_eq!(name_score("Do As I Can"), 0.0);
        assert_eq!(name_score("Not As I Say"), 0.0);
        // A journal after a list's last author.
        assert_eq!(name_score("Nature Communications"), 0.0);
        assert_eq!(name_score("Science Advances"), 0.0);
        // A model's name.
        assert_eq!(name_score("Mask R-CNN"), 0.0);
        // Names that are also short words stay names.
        for name in [
            "Or Litany",
            "Can Karakus",
            "In Gim",
            "Jean-Pierre Dupont",
            "J.-P. Dupont",
        ] {
            assert!(name_score(name) >= 0.6, "{name}");
        }
    }

    #[test]
    fn usenix_groups() {
        let got = with_affiliations(
            "Tianqi Chen and Thierry Moreau, University of Washington; Ziheng Jiang, University of Washington, AWS; Lianmin Zheng, Shanghai Jiao Tong University; Eddie Yan, Haichen Shen, and Meghan Cowan, University of Washington",
        );
        let want = [
            ("Tianqi Chen", "University of Washington"),
            ("Thierry Moreau", "University of Washington"),
            ("Ziheng Jiang", "University of Washington, AWS"),
            ("Lianmin Zheng", "Shanghai Jiao Tong University"),
            ("Eddie Yan", "University of Washington"),
            ("Haichen Shen", "University of Washington"),
            ("Meghan Cowan", "University of Washington"),
        ];
        assert_eq!(got, want.map(|(n, a)| (n.to_owned(), Some(a.to_owned()))));
    }

    #[test]
    fn usenix_affiliations_with_commas_and_and() {
        let got = with_affiliations(
            "Aurick Qiao, Petuum, Inc. and Carnegie Mellon University; Sang Keun Choe and Suhas Jayaram Subramanya, Carnegie Mellon University; Eric P. Xing, MBZUAI, Petuum, Inc., and Carnegie Mellon University",
        );
        assert_eq!(
            got[0],
            (
                "Aurick Qiao".into(),
                Some("Petuum, Inc. and Carnegie Mellon University".into())
            )
        );
        assert_eq!(got[1].0, "Sang Keun Choe");
        assert_eq!(got[2].0, "Suhas Jayaram Subramanya");
        assert_eq!(
            got[3],
            (
                "Eric P. Xing".into(),
                Some("MBZUAI, Petuum, Inc., and Carnegie Mellon University".into())
            )
        );
        assert_eq!(got.len(), 4);
        // A group that is only an affiliation belongs to the group before.
        let got = with_affiliations(
            "Mingcong Han, Institute of Parallel and Distributed Systems, SEIEE, Shanghai Jiao Tong University; Shanghai AI Laboratory; Hanze Zhang, Shanghai Jiao Tong University",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].1.as_deref(),
            Some(
                "Institute of Parallel and Distributed Systems, SEIEE, Shanghai Jiao Tong University; Shanghai AI Laboratory"
            )
        );
        // Affiliations that look like names are still affiliations in a USENIX list.
        let got = names(
            "Zhihao Jia, CMU; Jinliang Wei, Google Brain; Keval Vora, Simon Fraser; Ravi Netravali, Princeton University",
        );
        assert_eq!(
            got,
            ["Zhihao Jia", "Jinliang Wei", "Keval Vora", "Ravi Netravali"]
        );
    }

    #[test]
    fn single_group_lists() {
        assert_eq!(
            with_affiliations("Philipp Moritz, Robert Nishihara, and Ion Stoica, UC Berkeley"),
            vec![
                ("Philipp Moritz".into(), Some("UC Berkeley".into())),
                ("Robert Nishihara".into(), Some("UC Berkeley".into())),
                ("Ion Stoica".into(), Some("UC Berkeley".into())),
            ]
        );
        assert_eq!(
            names("Xuhao Chen and Arvind, MIT CSAIL"),
            ["Xuhao Chen", "Arvind"]
        );
        assert_eq!(
            names("Derek G. Murray, Jiří Šimša, Ana Klimovic, Ihor Indyk"),
            [
                "Derek G. Murray",
                "Jiří Šimša",
                "Ana Klimovic",
                "Ihor Indyk"
            ]
        );
        assert_eq!(
            names("Chang Chen, Xiuhong Li, Xingcheng Zhang and Chao Yang."),
            ["Chang Chen", "Xiuhong Li", "Xingcheng Zhang", "Chao Yang"]
        );
        assert_eq!(
            names("Boyuan Feng, Tianqi Tang, Yufei Ding, University of California, Santa Barbara"),
            ["Boyuan Feng", "Tianqi Tang", "Yufei Ding"]
        );
        assert_eq!(
            names("J. Gregory Pauloski,Qi Huang,Lei Huang"),
            ["J. Gregory Pauloski", "Qi Huang", "Lei Huang"]
        );
        assert_eq!(
            names("D. Sculley, Gary Holt, Jean-Franc\u{00B8}ois Crespo, Dan Dennison."),
            [
                "D. Sculley",
                "Gary Holt",
                "Jean-François Crespo",
                "Dan Dennison"
            ]
        );
        assert_eq!(
            names("Zhuohan Li · Siyuan Zhuang · Ion Stoica"),
            ["Zhuohan Li", "Siyuan Zhuang", "Ion Stoica"]
        );
        assert_eq!(
            names("HT Kung, Bradley McDanel, Sai Qian Zhang (Harvard University)"),
            ["HT Kung", "Bradley McDanel", "Sai Qian Zhang"]
        );
    }

    #[test]
    fn parenthesised_affiliations() {
        let got = with_affiliations(
            "Yu Zhang, Xiaofei Liao, Hai Jin (Huazhong University of Science and Technology);Bingsheng He (National University of Singapore)",
        );
        assert_eq!(got.len(), 4);
        assert_eq!(
            got[0].1.as_deref(),
            Some("Huazhong University of Science and Technology")
        );
        assert_eq!(
            got[3],
            (
                "Bingsheng He".into(),
                Some("National University of Singapore".into())
            )
        );
        let got = with_affiliations("Geet Sethi (Stanford University), (Meta), Bilge Acun (Meta)");
        assert_eq!(
            got[0],
            (
                "Geet Sethi".into(),
                Some("Stanford University; Meta".into())
            )
        );
        assert_eq!(got.len(), 2);
        let people = parse(&Styled::plain(
            "Xupeng Miao (Peking University)*; Yining Shi (Peking University)",
        ))
        .people;
        assert_eq!(people[0].name(), "Xupeng Miao");
        assert!(people[0].equal_contribution);
        assert!(!people[1].equal_contribution);
        assert_eq!(
            names("\"Fangcheng Fu (Peking University)*; Yong Cheng ( Tencent Inc.)\""),
            ["Fangcheng Fu", "Yong Cheng"]
        );
        assert_eq!(
            names("Bita Darvish Rouhani, Huili Chen, Farinaz Koushanfar(UC San Diego)"),
            ["Bita Darvish Rouhani", "Huili Chen", "Farinaz Koushanfar"]
        );
        assert_eq!(
            names(
                "Yanghua Peng, Chuan Wu (University of Hong Kong), and Chuanxiong Guo (Bytedance Inc.)"
            ),
            ["Yanghua Peng", "Chuan Wu", "Chuanxiong Guo"]
        );
    }

    #[test]
    fn linked_names() {
        let mut text = Styled::plain("Kim M. Hazelwood, Sarah Bird, Xiaodong Wang");
        text.marks.push((
            0..16,
            Mark::Link("https://dblp.org/pid/77/1117.html".into()),
        ));
        text.marks.push((
            18..28,
            Mark::Link("https://dblp.org/pid/53/8277.html".into()),
        ));
        let people = parse(&text).people;
        assert_eq!(
            people.iter().map(|p| p.name()).collect::<Vec<_>>(),
            ["Kim M. Hazelwood", "Sarah Bird", "Xiaodong Wang"]
        );
        assert_eq!(people[0].dblp_pid(), Some("77/1117"));

        let mut text = Styled::plain(
            "Zixian Cai Australian National University, Saeed Maleki Microsoft Research, Redmond",
        );
        text.marks.push((
            0..10,
            Mark::Link("https://ppopp21.sigplan.org/profile/zixiancai".into()),
        ));
        text.marks.push((
            43..55,
            Mark::Link("https://ppopp21.sigplan.org/profile/saeedmaleki".into()),
        ));
        let got: Vec<_> = parse(&text)
            .people
            .into_iter()
            .map(|p| (p.name().to_owned(), p.affiliation))
            .collect();
        assert_eq!(
            got[0],
            (
                "Zixian Cai".into(),
                Some("Australian National University".into())
            )
        );
        assert_eq!(
            got[1],
            (
                "Saeed Maleki".into(),
                Some("Microsoft Research, Redmond".into())
            )
        );
    }

    #[test]
    fn spreadsheet_columns() {
        let read = semicolon_list(&Styled::plain("Kim Hazelwood; Facebook AI Infra; Arvind"))
            .expect("a ; list");
        let got: Vec<&str> = read.people.iter().map(|p| p.name()).collect();
        assert_eq!(got, ["Kim Hazelwood", "Facebook AI Infra", "Arvind"]);
        assert_eq!(read.people[0].family(), Some("Hazelwood"));
        // An organisation is one literal name, not split into given and family.
        assert_eq!(read.people[1].family(), None);
        assert!(semicolon_list(&Styled::plain("A (Aff); B (Aff)")).is_none());
        assert!(semicolon_list(&Styled::plain("Moritz, P.; Stoica, I.")).is_none());
        // In a list of names alone, a one-word name after `;` is a name.
        assert_eq!(names("Xuhao Chen; Arvind"), ["Xuhao Chen", "Arvind"]);
    }

    #[test]
    fn dblp_person_page_lists() {
        // Every author linked but the page's owner, and a colon before the title.
        let mut text = Styled::plain("Michael Armbrust, Ion Stoica, Matei Zaharia:");
        text.marks
            .push((0..16, Mark::Link("https://dblp.org/pid/44/1.html".into())));
        text.marks.push((
            30..43,
            Mark::Link("https://dblp.org/pid/z/MateiZaharia.html".into()),
        ));
        let people = parse(&text).people;
        let got: Vec<_> = people
            .iter()
            .map(|p| (p.name(), p.affiliation.is_none()))
            .collect();
        assert_eq!(
            got,
            [
                ("Michael Armbrust", true),
                ("Ion Stoica", true),
                ("Matei Zaharia", true)
            ]
        );
        assert_eq!(people[2].dblp_pid(), Some("z/MateiZaharia"));
    }

    #[test]
    fn glued_names_are_split() {
        let authors = parse(&Styled::plain(
            "J. Gregory Pauloski,Kyle ChardIan Foster,Zhao Zhang",
        ));
        let got: Vec<_> = authors.people.iter().map(|p| p.name()).collect();
        assert_eq!(
            got,
            [
                "J. Gregory Pauloski",
                "Kyle Chard",
                "Ian Foster",
                "Zhao Zhang"
            ]
        );
        assert_eq!(authors.notes.len(), 1);
        assert_eq!(
            names("Zachary DeVito, Patrick LeGresley"),
            ["Zachary DeVito", "Patrick LeGresley"]
        );
        assert_eq!(
            names("HyoukJoong Lee, Quoc V. Le"),
            ["HyoukJoong Lee", "Quoc V. Le"]
        );
    }

    #[test]
    fn highlighted_owner() {
        let mut text = Styled::plain("Jiangfei Duan*, Ziang Song*, Xupeng Miao");
        text.marks.push((0..14, Mark::Strong));
        let people = parse(&text).people;
        assert!(people[0].highlighted && people[0].equal_contribution);
        assert!(!people[1].highlighted && people[1].equal_contribution);
    }

    #[test]
    fn vancouver_initials_with_periods() {
        assert_eq!(names("Doe J., Chen W."), ["J. Doe", "W. Chen"]);
        assert_eq!(names("Doe J, Chen W"), ["J. Doe", "W. Chen"]);
        // Initials run together keep their periods and hyphen.
        assert_eq!(
            names("Cerquaglia M.L., Thomas D., Ponthot J.-P."),
            ["M.L. Cerquaglia", "D. Thomas", "J.-P. Ponthot"]
        );
    }

    #[test]
    fn google_scholar_styles() {
        // MLA: the first author inverted, then `et al.`
        assert_eq!(names("Moritz, Philipp, et al."), ["Philipp Moritz"]);
        // An organisation as the last author, after `and`.
        let read = parse(&Styled::plain("Jane Doe, John Smith, and Google Research"));
        assert_eq!(read.people.len(), 3);
        assert_eq!(read.people[2].family(), None);
        assert_eq!(read.people[0].affiliation, None);
        // A family name alone before `et al.` (a table's Authors column).
        assert_eq!(names("Shoeybi et al."), ["Shoeybi"]);
        assert!(parse(&Styled::plain("Shoeybi et al.")).cut_short);
        // Chicago: the first author inverted, the others as written.
        assert_eq!(
            names("He, Kaiming, Xiangyu Zhang, Shaoqing Ren, and Jian Sun"),
            ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"]
        );
        assert_eq!(
            names("Dean, Jeffrey, and Sanjay Ghemawat"),
            ["Jeffrey Dean", "Sanjay Ghemawat"]
        );
        // ... with initials, or an initial and a middle name, for the first
        // given name (pandoc's Chicago author-date).
        assert_eq!(
            names("Kaplan, E. L., and Paul Meier"),
            ["E. L. Kaplan", "Paul Meier"]
        );
        assert_eq!(
            names("Bland, J. Martin, and Douglas G. Altman"),
            ["J. Martin Bland", "Douglas G. Altman"]
        );
        assert_eq!(
            names("Smith, J. W., J. E. Everhart, and R. S. Johannes"),
            ["J. W. Smith", "J. E. Everhart", "R. S. Johannes"]
        );
        // APA: `...` stands for names left out before the last.
        assert_eq!(
            names("Kwon, W., Li, Z., Yu, C. H., ... & Stoica, I."),
            ["W. Kwon", "Z. Li", "C. H. Yu", "I. Stoica"]
        );
        // Harvard: the last two joined by `and` without a comma.
        assert_eq!(
            names("Gomez, A.N., Kaiser, Ł. and Polosukhin, I."),
            ["A.N. Gomez", "Ł. Kaiser", "I. Polosukhin"]
        );
        // Vancouver: family names, then initials without periods.
        assert_eq!(
            names("Vaswani A, Gomez AN, van der Berg JH, Kaiser Ł"),
            [
                "A. Vaswani",
                "A. N. Gomez",
                "J. H. van der Berg",
                "Ł. Kaiser"
            ]
        );
        // Not read as inverted: a list that starts with a one-word name, and a
        // lone `Place, Region` with nothing after it.
        let one_word_first = names("Arvind, Ion Stoica, and Matei Zaharia");
        assert!(!one_word_first.contains(&"Ion Stoica Arvind".to_owned()));
        assert!(names("Seattle, Washington").is_empty());
        // A lone inverted name is read where the context says it is an author.
        let lone = lone_inverted_name(&Styled::plain("Lamport, Leslie")).map(|a| a.people);
        assert_eq!(
            lone.map(|p| p[0].name().to_owned()).as_deref(),
            Some("Leslie Lamport")
        );
        assert!(lone_inverted_name(&Styled::plain("University of Washington, Seattle")).is_none());
    }

    #[test]
    fn scores() {
        assert!(name_score("Philipp Moritz") > 0.9);
        assert!(name_score("J. Gregory Pauloski") > 0.9);
        assert!(name_score("Microsoft Research") < 0.1);
        assert!(name_score("Deep Learning for Supercomputers") < 0.1);
        assert!(name_score("UCLA") < 0.1);
        assert!(
            author_list_score(&Styled::plain(
                "Philipp Moritz, Robert Nishihara, and Ion Stoica, UC Berkeley"
            )) > 0.7
        );
        assert!(
            author_list_score(&Styled::plain(
                "Ray: A Distributed Framework for Emerging AI Applications"
            )) < 0.3
        );
        assert!(
            author_list_score(&Styled::plain(
                "Serving DNNs like Clockwork: Performance Predictability from the Bottom Up"
            )) < 0.3
        );
    }

    #[test]
    fn han_names_need_a_chinese_surname() {
        assert!(name_score("李国杰") > 0.8);
        assert!(name_score("欧阳明") > 0.8);
        // A journal, a word, a title: no surname first, or too long.
        assert!(name_score("软件学报") < 0.1);
        assert!(name_score("综述") < 0.1);
        assert!(name_score("大模型推理系统综述") < 0.1);
        assert_eq!(names("张三，李四，王五"), ["张三", "李四", "王五"]);
        assert_eq!(names("刘洋、赵敏"), ["刘洋", "赵敏"]);
        assert_eq!(names("欧阳明, 陈伟"), ["欧阳明", "陈伟"]);
        // Japanese names, family name first, with or without a space.
        assert!(name_score("山田太郎") > 0.8);
        assert!(name_score("佐藤 花子") > 0.8);
        assert!(name_score("情報処理学会") < 0.1);
        assert_eq!(names("山田太郎, 鈴木一郎"), ["山田太郎", "鈴木一郎"]);
        let people = parse(&Styled::plain("佐藤 花子, 田中 健")).people;
        assert_eq!(people[0].family(), Some("佐藤"));
        assert_eq!(people[0].given(), Some("花子"));
        assert_eq!(people[0].name(), "佐藤 花子");
        assert_eq!(japanese_surname("佐々木健"), Some(("佐々木", "健")));
    }

    #[test]
    fn gbt_spaced_initials_are_vancouver_initials() {
        assert_eq!(vancouver_name("Brown T B"), Some(("Brown", "T B")));
        assert_eq!(vancouver_name("Gomez AN"), Some(("Gomez", "AN")));
        assert_eq!(vancouver_name("Ion Stoica"), None);
        assert_eq!(
            names("Brown T B, Mann B, Ryder N, et al."),
            ["T. B. Brown", "B. Mann", "N. Ryder"]
        );
    }
}
