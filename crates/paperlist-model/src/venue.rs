//! The venue registry: canonical short names, full names, the aliases people
//! write, the kind of venue and its dblp streams.
//!
//! [`lookup`] resolves a whole venue string (`NIPS`, `Proc. VLDB Endow.`,
//! `USENIX ATC '21`, `SIGMOD Conference`, `(ASPLOS '24)`,
//! `Proceedings of ASPLOS Conference 2024`); [`detect`] finds a venue named
//! inside a longer text such as a heading (`NeurIPS 2023 papers`).

use foldhash::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::ident::DblpKey;
use crate::normalize::fold;

/// What kind of venue this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VenueKind {
    /// A conference or symposium with proceedings.
    Conference,
    /// A journal (including proceedings journals such as PVLDB).
    Journal,
    /// A workshop.
    Workshop,
    /// A preprint server (arXiv/CoRR).
    Preprint,
}

/// One venue of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Venue {
    /// Canonical short name, e.g. `OSDI`, `NeurIPS`, `USENIX ATC`.
    pub short: &'static str,
    /// Full name of the series, e.g. `USENIX Symposium on Operating Systems Design and Implementation`.
    pub name: &'static str,
    /// Kind of venue.
    pub kind: VenueKind,
    /// Other names people and dblp write (`NIPS`, `Proc. VLDB Endow.`, `SIGMOD Conference`).
    pub aliases: &'static [&'static str],
    /// dblp streams, e.g. `conf/osdi`, `journals/pvldb`; the first is the main one.
    pub dblp_streams: &'static [&'static str],
}

impl Venue {
    /// Whether a dblp record key belongs to one of this venue's streams.
    pub fn owns_dblp_key(&self, key: &DblpKey) -> bool {
        self.dblp_streams.contains(&key.stream())
    }
}

use VenueKind::{Conference as C, Journal as J, Preprint as P, Workshop as W};

macro_rules! venue {
    ($short:literal, $kind:expr, $name:literal, [$($alias:literal),* $(,)?], [$($stream:literal),* $(,)?]) => {
        Venue {
            short: $short,
            name: $name,
            kind: $kind,
            aliases: &[$($alias),*],
            dblp_streams: &[$($stream),*],
        }
    };
}

/// Every venue the registry knows.
static VENUES: &[Venue] = &[
    // Operating systems, distributed systems, storage, networking.
    venue!(
        "OSDI",
        C,
        "USENIX Symposium on Operating Systems Design and Implementation",
        ["Operating Systems Design and Implementation"],
        ["conf/osdi"]
    ),
    venue!(
        "SOSP",
        C,
        "ACM Symposium on Operating Systems Principles",
        [
            "Symposium on Operating Systems Principles",
            "Operating Systems Principles"
        ],
        ["conf/sosp"]
    ),
    venue!(
        "NSDI",
        C,
        "USENIX Symposium on Networked Systems Design and Implementation",
        ["Networked Systems Design and Implementation"],
        ["conf/nsdi"]
    ),
    venue!(
        "EuroSys",
        C,
        "European Conference on Computer Systems",
        [
            "EuroSys Conference",
            "European Conference on Computer Systems"
        ],
        ["conf/eurosys"]
    ),
    venue!(
        "USENIX ATC",
        C,
        "USENIX Annual Technical Conference",
        [
            "ATC",
            "USENIX ATC",
            "USENIX Annual Technical Conference, General Track",
            "Annual Technical Conference"
        ],
        ["conf/usenix"]
    ),
    venue!(
        "FAST",
        C,
        "USENIX Conference on File and Storage Technologies",
        ["File and Storage Technologies"],
        ["conf/fast"]
    ),
    venue!(
        "SoCC",
        C,
        "ACM Symposium on Cloud Computing",
        ["Symposium on Cloud Computing", "ACM SoCC"],
        ["conf/cloud"]
    ),
    venue!(
        "Middleware",
        C,
        "International Middleware Conference",
        ["Middleware Conference"],
        ["conf/middleware"]
    ),
    venue!(
        "ICDCS",
        C,
        "IEEE International Conference on Distributed Computing Systems",
        ["International Conference on Distributed Computing Systems"],
        ["conf/icdcs"]
    ),
    venue!(
        "HotOS",
        W,
        "Workshop on Hot Topics in Operating Systems",
        ["Hot Topics in Operating Systems"],
        ["conf/hotos"]
    ),
    venue!(
        "HotCloud",
        W,
        "USENIX Workshop on Hot Topics in Cloud Computing",
        ["Hot Topics in Cloud Computing"],
        ["conf/hotcloud"]
    ),
    venue!(
        "EuroMLSys",
        W,
        "Workshop on Machine Learning and Systems (EuroMLSys)",
        ["EuroMLSys@EuroSys"],
        ["conf/euromlsys"]
    ),
    venue!(
        "SIGCOMM",
        C,
        "ACM SIGCOMM Conference",
        ["ACM SIGCOMM", "SIGCOMM Conference"],
        ["conf/sigcomm"]
    ),
    venue!(
        "MobiCom",
        C,
        "Annual International Conference on Mobile Computing and Networking",
        ["ACM MobiCom", "Mobile Computing and Networking"],
        ["conf/mobicom"]
    ),
    venue!(
        "MobiSys",
        C,
        "International Conference on Mobile Systems, Applications, and Services",
        ["ACM MobiSys", "Mobile Systems, Applications, and Services"],
        ["conf/mobisys"]
    ),
    venue!(
        "SenSys",
        C,
        "ACM Conference on Embedded Networked Sensor Systems",
        ["Embedded Networked Sensor Systems"],
        ["conf/sensys"]
    ),
    venue!(
        "INFOCOM",
        C,
        "IEEE Conference on Computer Communications",
        ["IEEE INFOCOM"],
        ["conf/infocom"]
    ),
    venue!(
        "CoNEXT",
        C,
        "International Conference on emerging Networking EXperiments and Technologies",
        ["ACM CoNEXT"],
        ["conf/conext"]
    ),
    venue!(
        "IMC",
        C,
        "Internet Measurement Conference",
        ["ACM IMC", "Internet Measurement"],
        ["conf/imc"]
    ),
    // Architecture, HPC, compilers, programming languages.
    venue!(
        "ASPLOS",
        C,
        "International Conference on Architectural Support for Programming Languages and Operating Systems",
        ["Architectural Support for Programming Languages and Operating Systems"],
        ["conf/asplos"]
    ),
    venue!(
        "ISCA",
        C,
        "International Symposium on Computer Architecture",
        ["ACM/IEEE International Symposium on Computer Architecture"],
        ["conf/isca"]
    ),
    venue!(
        "MICRO",
        C,
        "IEEE/ACM International Symposium on Microarchitecture",
        [
            "International Symposium on Microarchitecture",
            "Microarchitecture"
        ],
        ["conf/micro"]
    ),
    venue!(
        "HPCA",
        C,
        "IEEE International Symposium on High-Performance Computer Architecture",
        [
            "International Symposium on High-Performance Computer Architecture",
            "High-Performance Computer Architecture",
            "High Performance Computer Architecture"
        ],
        ["conf/hpca"]
    ),
    venue!(
        "SC",
        C,
        "International Conference for High Performance Computing, Networking, Storage and Analysis",
        [
            "Supercomputing",
            "Supercomputing Conference",
            "High Performance Computing, Networking, Storage and Analysis"
        ],
        ["conf/sc"]
    ),
    venue!(
        "PPoPP",
        C,
        "ACM SIGPLAN Symposium on Principles and Practice of Parallel Programming",
        ["Principles and Practice of Parallel Programming"],
        ["conf/ppopp"]
    ),
    venue!(
        "ICS",
        C,
        "International Conference on Supercomputing",
        ["ACM International Conference on Supercomputing"],
        ["conf/ics"]
    ),
    venue!(
        "IPDPS",
        C,
        "IEEE International Parallel and Distributed Processing Symposium",
        [
            "International Parallel and Distributed Processing Symposium",
            "Parallel and Distributed Processing Symposium"
        ],
        ["conf/ipps"]
    ),
    venue!(
        "HPDC",
        C,
        "International Symposium on High-Performance Parallel and Distributed Computing",
        ["High-Performance Parallel and Distributed Computing"],
        ["conf/hpdc"]
    ),
    venue!(
        "CLUSTER",
        C,
        "IEEE International Conference on Cluster Computing",
        ["IEEE CLUSTER"],
        ["conf/cluster"]
    ),
    venue!(
        "Euro-Par",
        C,
        "International European Conference on Parallel and Distributed Computing",
        ["EuroPar"],
        ["conf/europar"]
    ),
    venue!(
        "PACT",
        C,
        "International Conference on Parallel Architectures and Compilation Techniques",
        ["Parallel Architectures and Compilation Techniques"],
        ["conf/IEEEpact"]
    ),
    venue!(
        "CGO",
        C,
        "IEEE/ACM International Symposium on Code Generation and Optimization",
        ["Code Generation and Optimization"],
        ["conf/cgo"]
    ),
    venue!(
        "PLDI",
        C,
        "ACM SIGPLAN Conference on Programming Language Design and Implementation",
        ["Programming Language Design and Implementation"],
        ["conf/pldi"]
    ),
    venue!(
        "POPL",
        C,
        "ACM SIGPLAN Symposium on Principles of Programming Languages",
        ["Principles of Programming Languages"],
        ["conf/popl"]
    ),
    venue!(
        "OOPSLA",
        C,
        "ACM SIGPLAN Conference on Object-Oriented Programming, Systems, Languages, and Applications",
        ["Object-Oriented Programming, Systems, Languages, and Applications"],
        ["conf/oopsla"]
    ),
    venue!(
        "DAC",
        C,
        "Design Automation Conference",
        ["ACM/IEEE Design Automation Conference"],
        ["conf/dac"]
    ),
    venue!(
        "FPGA",
        C,
        "ACM/SIGDA International Symposium on Field-Programmable Gate Arrays",
        ["Field-Programmable Gate Arrays"],
        ["conf/fpga"]
    ),
    // Data management and mining.
    venue!(
        "SIGMOD",
        C,
        "ACM SIGMOD International Conference on Management of Data",
        [
            "SIGMOD Conference",
            "ACM SIGMOD",
            "Management of Data",
            "Proc. ACM Manag. Data",
            "PACMMOD",
            "Proceedings of the ACM on Management of Data"
        ],
        ["conf/sigmod", "journals/pacmmod"]
    ),
    venue!(
        "VLDB",
        J,
        "Proceedings of the VLDB Endowment",
        [
            "PVLDB",
            "Proc. VLDB Endow.",
            "VLDB Endowment",
            "Proceedings of the VLDB Endowment",
            "Very Large Data Bases",
            "International Conference on Very Large Data Bases",
            "VLDB Conference"
        ],
        ["journals/pvldb", "conf/vldb"]
    ),
    venue!(
        "VLDB J.",
        J,
        "The VLDB Journal",
        ["VLDB Journal", "VLDBJ", "The VLDB Journal"],
        ["journals/vldb"]
    ),
    venue!(
        "ICDE",
        C,
        "IEEE International Conference on Data Engineering",
        [
            "International Conference on Data Engineering",
            "Data Engineering"
        ],
        ["conf/icde"]
    ),
    venue!(
        "PODS",
        C,
        "ACM Symposium on Principles of Database Systems",
        ["Principles of Database Systems"],
        ["conf/pods"]
    ),
    venue!(
        "CIDR",
        C,
        "Conference on Innovative Data Systems Research",
        ["Innovative Data Systems Research"],
        ["conf/cidr"]
    ),
    venue!(
        "EDBT",
        C,
        "International Conference on Extending Database Technology",
        ["Extending Database Technology"],
        ["conf/edbt"]
    ),
    venue!(
        "KDD",
        C,
        "ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
        [
            "SIGKDD",
            "ACM SIGKDD",
            "Knowledge Discovery and Data Mining",
            "Knowledge Discovery & Data Mining"
        ],
        ["conf/kdd"]
    ),
    venue!(
        "ICDM",
        C,
        "IEEE International Conference on Data Mining",
        ["International Conference on Data Mining"],
        ["conf/icdm"]
    ),
    venue!(
        "WSDM",
        C,
        "ACM International Conference on Web Search and Data Mining",
        ["Web Search and Data Mining"],
        ["conf/wsdm"]
    ),
    venue!(
        "WWW",
        C,
        "The Web Conference",
        [
            "World Wide Web Conference",
            "TheWebConf",
            "Web Conference",
            "World Wide Web"
        ],
        ["conf/www"]
    ),
    venue!(
        "SIGIR",
        C,
        "International ACM SIGIR Conference on Research and Development in Information Retrieval",
        [
            "ACM SIGIR",
            "Research and Development in Information Retrieval"
        ],
        ["conf/sigir"]
    ),
    venue!(
        "CIKM",
        C,
        "ACM International Conference on Information and Knowledge Management",
        ["Information and Knowledge Management"],
        ["conf/cikm"]
    ),
    venue!(
        "RecSys",
        C,
        "ACM Conference on Recommender Systems",
        ["Recommender Systems", "ACM RecSys"],
        ["conf/recsys"]
    ),
    // Machine learning, vision, language.
    venue!(
        "NeurIPS",
        C,
        "Conference on Neural Information Processing Systems",
        [
            "NIPS",
            "Advances in Neural Information Processing Systems",
            "Neural Information Processing Systems",
            "NeurIPS Conference"
        ],
        ["conf/nips"]
    ),
    venue!(
        "ICML",
        C,
        "International Conference on Machine Learning",
        [],
        ["conf/icml"]
    ),
    venue!(
        "ICLR",
        C,
        "International Conference on Learning Representations",
        [
            "ICLR (Poster)",
            "ICLR (Oral)",
            "ICLR (Spotlight)",
            "Learning Representations"
        ],
        ["conf/iclr"]
    ),
    venue!(
        "MLSys",
        C,
        "Conference on Machine Learning and Systems",
        [
            "SysML",
            "Machine Learning and Systems",
            "Conference on Systems and Machine Learning",
            "Systems and Machine Learning"
        ],
        ["conf/mlsys"]
    ),
    venue!(
        "AAAI",
        C,
        "AAAI Conference on Artificial Intelligence",
        ["AAAI Conference"],
        ["conf/aaai"]
    ),
    venue!(
        "IJCAI",
        C,
        "International Joint Conference on Artificial Intelligence",
        ["Joint Conference on Artificial Intelligence"],
        ["conf/ijcai"]
    ),
    venue!(
        "CVPR",
        C,
        "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        ["Computer Vision and Pattern Recognition"],
        ["conf/cvpr"]
    ),
    venue!(
        "ICCV",
        C,
        "IEEE/CVF International Conference on Computer Vision",
        ["International Conference on Computer Vision"],
        ["conf/iccv"]
    ),
    venue!(
        "ECCV",
        C,
        "European Conference on Computer Vision",
        ["European Conference on Computer Vision"],
        ["conf/eccv"]
    ),
    venue!(
        "ACL",
        C,
        "Annual Meeting of the Association for Computational Linguistics",
        [
            "Association for Computational Linguistics",
            "ACL Conference",
            // dblp files the Findings volumes under the conference.
            "ACL Findings",
            "Findings of ACL",
            "Findings of the Association for Computational Linguistics"
        ],
        ["conf/acl"]
    ),
    venue!(
        "EMNLP",
        C,
        "Conference on Empirical Methods in Natural Language Processing",
        [
            "Empirical Methods in Natural Language Processing",
            "EMNLP Findings",
            "Findings of EMNLP"
        ],
        ["conf/emnlp"]
    ),
    venue!(
        "NAACL",
        C,
        "Conference of the North American Chapter of the Association for Computational Linguistics",
        ["NAACL-HLT", "NAACL HLT"],
        ["conf/naacl"]
    ),
    venue!(
        "COLING",
        C,
        "International Conference on Computational Linguistics",
        ["Computational Linguistics Conference"],
        ["conf/coling"]
    ),
    venue!(
        "AISTATS",
        C,
        "International Conference on Artificial Intelligence and Statistics",
        ["Artificial Intelligence and Statistics"],
        ["conf/aistats"]
    ),
    venue!(
        "UAI",
        C,
        "Conference on Uncertainty in Artificial Intelligence",
        ["Uncertainty in Artificial Intelligence"],
        ["conf/uai"]
    ),
    venue!(
        "COLT",
        C,
        "Conference on Learning Theory",
        ["Learning Theory"],
        ["conf/colt"]
    ),
    venue!(
        "JMLR",
        J,
        "Journal of Machine Learning Research",
        ["J. Mach. Learn. Res."],
        ["journals/jmlr"]
    ),
    venue!(
        "TMLR",
        J,
        "Transactions on Machine Learning Research",
        ["Trans. Mach. Learn. Res."],
        ["journals/tmlr"]
    ),
    venue!(
        "TACL",
        J,
        "Transactions of the Association for Computational Linguistics",
        ["Trans. Assoc. Comput. Linguistics"],
        ["journals/tacl"]
    ),
    // Journals.
    venue!(
        "TPDS",
        J,
        "IEEE Transactions on Parallel and Distributed Systems",
        [
            "IEEE Trans. Parallel Distributed Syst.",
            "IEEE Trans. Parallel Distrib. Syst."
        ],
        ["journals/tpds"]
    ),
    venue!(
        "CSUR",
        J,
        "ACM Computing Surveys",
        ["ACM Comput. Surv."],
        ["journals/csur"]
    ),
    venue!(
        "TOCS",
        J,
        "ACM Transactions on Computer Systems",
        ["ACM Trans. Comput. Syst."],
        ["journals/tocs"]
    ),
    venue!(
        "TC",
        J,
        "IEEE Transactions on Computers",
        ["IEEE Trans. Computers"],
        ["journals/tc"]
    ),
    venue!(
        "TACO",
        J,
        "ACM Transactions on Architecture and Code Optimization",
        ["ACM Trans. Archit. Code Optim."],
        ["journals/taco"]
    ),
    venue!(
        "TOS",
        J,
        "ACM Transactions on Storage",
        ["ACM Trans. Storage"],
        ["journals/tos"]
    ),
    venue!(
        "TKDE",
        J,
        "IEEE Transactions on Knowledge and Data Engineering",
        ["IEEE Trans. Knowl. Data Eng."],
        ["journals/tkde"]
    ),
    venue!(
        "TODS",
        J,
        "ACM Transactions on Database Systems",
        ["ACM Trans. Database Syst."],
        ["journals/tods"]
    ),
    venue!(
        "CACM",
        J,
        "Communications of the ACM",
        ["Commun. ACM"],
        ["journals/cacm"]
    ),
    // USENIX's magazine; its name is written with the punctuation.
    venue!(
        ";login:",
        J,
        "USENIX ;login:",
        [";login: The USENIX Magazine", "USENIX login"],
        ["journals/login"]
    ),
    venue!(
        "CCR",
        J,
        "ACM SIGCOMM Computer Communication Review",
        [
            "Comput. Commun. Rev.",
            "SIGCOMM Comput. Commun. Rev.",
            "SIGCOMM Computer Communication Review"
        ],
        ["journals/ccr"]
    ),
    venue!(
        "OSR",
        J,
        "ACM SIGOPS Operating Systems Review",
        [
            "ACM SIGOPS Oper. Syst. Rev.",
            "SIGOPS Oper. Syst. Rev.",
            "Operating Systems Review"
        ],
        ["journals/sigops"]
    ),
    venue!(
        "ToN",
        J,
        "IEEE/ACM Transactions on Networking",
        ["IEEE/ACM Trans. Netw."],
        ["journals/ton"]
    ),
    venue!("IEEE Micro", J, "IEEE Micro", [], ["journals/micro"]),
    // OOPSLA, POPL, ICFP and PLDI papers appear in this journal, its number
    // naming the conference (`7(OOPSLA2)`).
    venue!(
        "PACMPL",
        J,
        "Proceedings of the ACM on Programming Languages",
        ["Proc. ACM Program. Lang."],
        ["journals/pacmpl"]
    ),
    venue!(
        "IEEE TMI",
        J,
        "IEEE Transactions on Medical Imaging",
        ["IEEE Trans. Medical Imaging", "IEEE Trans. Med. Imaging"],
        ["journals/tmi"]
    ),
    venue!(
        "JPDC",
        J,
        "Journal of Parallel and Distributed Computing",
        [
            "J. Parallel Distributed Comput.",
            "J. Parallel Distrib. Comput."
        ],
        ["journals/jpdc"]
    ),
    venue!(
        "Sci. China Inf. Sci.",
        J,
        "Science China Information Sciences",
        [
            "SCIS",
            "Sci China Inf Sci",
            "Science China Information Sciences"
        ],
        ["journals/chinaf"]
    ),
    venue!("Nature", J, "Nature", ["Nat."], ["journals/nature"]),
    venue!(
        "Sci. Robotics",
        J,
        "Science Robotics",
        ["Sci Robot"],
        ["journals/scirobotics"]
    ),
    venue!("Science", J, "Science", [], ["journals/science"]),
    venue!(
        "PNAS",
        J,
        "Proceedings of the National Academy of Sciences",
        [
            "Proc. Natl. Acad. Sci.",
            "Proc Natl Acad Sci U S A",
            "Proceedings of the National Academy of Sciences of the United States of America"
        ],
        ["journals/pnas"]
    ),
    // More systems workshops and conferences.
    venue!(
        "HotNets",
        W,
        "ACM Workshop on Hot Topics in Networks",
        ["Hot Topics in Networks"],
        ["conf/hotnets"]
    ),
    venue!(
        "HotStorage",
        W,
        "USENIX Workshop on Hot Topics in Storage and File Systems",
        ["Hot Topics in Storage and File Systems"],
        ["conf/hotstorage"]
    ),
    venue!(
        "APSys",
        W,
        "ACM SIGOPS Asia-Pacific Workshop on Systems",
        ["Asia-Pacific Workshop on Systems"],
        ["conf/apsys"]
    ),
    venue!(
        "SYSTOR",
        C,
        "ACM International Systems and Storage Conference",
        ["International Systems and Storage Conference"],
        ["conf/systor"]
    ),
    venue!(
        "VEE",
        C,
        "ACM SIGPLAN/SIGOPS International Conference on Virtual Execution Environments",
        [],
        ["conf/vee"]
    ),
    venue!(
        "ICPP",
        C,
        "International Conference on Parallel Processing",
        [],
        ["conf/icpp"]
    ),
    venue!(
        "ISPASS",
        C,
        "IEEE International Symposium on Performance Analysis of Systems and Software",
        ["Performance Analysis of Systems and Software"],
        ["conf/ispass"]
    ),
    venue!(
        "IISWC",
        C,
        "IEEE International Symposium on Workload Characterization",
        [],
        ["conf/iiswc"]
    ),
    venue!(
        "SIGMETRICS",
        C,
        "ACM SIGMETRICS International Conference on Measurement and Modeling of Computer Systems",
        [
            "Measurement and Modeling of Computer Systems",
            "Proc. ACM Meas. Anal. Comput. Syst.",
            "POMACS"
        ],
        ["conf/sigmetrics", "journals/pomacs"]
    ),
    venue!(
        "PODC",
        C,
        "ACM Symposium on Principles of Distributed Computing",
        [],
        ["conf/podc"]
    ),
    venue!(
        "SPAA",
        C,
        "ACM Symposium on Parallelism in Algorithms and Architectures",
        ["Parallelism in Algorithms and Architectures"],
        ["conf/spaa"]
    ),
    venue!(
        "DSN",
        C,
        "IEEE/IFIP International Conference on Dependable Systems and Networks",
        [],
        ["conf/dsn"]
    ),
    venue!(
        "ICNP",
        C,
        "IEEE International Conference on Network Protocols",
        [],
        ["conf/icnp"]
    ),
    venue!(
        "MobiHoc",
        C,
        "ACM International Symposium on Mobile Ad Hoc Networking and Computing",
        [],
        ["conf/mobihoc"]
    ),
    venue!(
        "IPSN",
        C,
        "ACM/IEEE International Conference on Information Processing in Sensor Networks",
        [],
        ["conf/ipsn"]
    ),
    venue!(
        "IMWUT",
        J,
        "Proceedings of the ACM on Interactive, Mobile, Wearable and Ubiquitous Technologies",
        [
            "Proc. ACM Interact. Mob. Wearable Ubiquitous Technol.",
            "UbiComp"
        ],
        ["journals/imwut", "conf/huc"]
    ),
    venue!(
        "RTSS",
        C,
        "IEEE Real-Time Systems Symposium",
        ["Real-Time Systems Symposium"],
        ["conf/rtss"]
    ),
    venue!(
        "ICCAD",
        C,
        "IEEE/ACM International Conference on Computer-Aided Design",
        ["International Conference on Computer-Aided Design"],
        ["conf/iccad"]
    ),
    venue!(
        "DATE",
        C,
        "Design, Automation and Test in Europe Conference",
        ["Design, Automation and Test in Europe"],
        ["conf/date"]
    ),
    // Security and privacy.
    venue!(
        "USENIX Security",
        C,
        "USENIX Security Symposium",
        ["USENIX Sec"],
        ["conf/uss"]
    ),
    venue!(
        "CCS",
        C,
        "ACM SIGSAC Conference on Computer and Communications Security",
        [
            "ACM CCS",
            "ACM Conference on Computer and Communications Security",
            "Computer and Communications Security"
        ],
        ["conf/ccs"]
    ),
    venue!(
        "IEEE S&P",
        C,
        "IEEE Symposium on Security and Privacy",
        ["Symposium on Security and Privacy"],
        ["conf/sp"]
    ),
    venue!(
        "NDSS",
        C,
        "Network and Distributed System Security Symposium",
        ["Network and Distributed System Security", "ISOC NDSS"],
        ["conf/ndss"]
    ),
    venue!(
        "EuroS&P",
        C,
        "IEEE European Symposium on Security and Privacy",
        ["European Symposium on Security and Privacy", "IEEE EuroS&P"],
        ["conf/eurosp"]
    ),
    venue!(
        "RAID",
        C,
        "International Symposium on Research in Attacks, Intrusions and Defenses",
        ["Research in Attacks, Intrusions and Defenses"],
        ["conf/raid"]
    ),
    venue!(
        "PETS",
        J,
        "Proceedings on Privacy Enhancing Technologies",
        [
            "Proc. Priv. Enhancing Technol.",
            "PoPETs",
            "Privacy Enhancing Technologies Symposium"
        ],
        ["journals/popets"]
    ),
    venue!(
        "CRYPTO",
        C,
        "Annual International Cryptology Conference",
        ["International Cryptology Conference"],
        ["conf/crypto"]
    ),
    venue!(
        "EUROCRYPT",
        C,
        "International Conference on the Theory and Applications of Cryptographic Techniques",
        ["Theory and Applications of Cryptographic Techniques"],
        ["conf/eurocrypt"]
    ),
    venue!(
        "TIFS",
        J,
        "IEEE Transactions on Information Forensics and Security",
        ["IEEE Trans. Inf. Forensics Secur."],
        ["journals/tifs"]
    ),
    venue!(
        "TDSC",
        J,
        "IEEE Transactions on Dependable and Secure Computing",
        ["IEEE Trans. Dependable Secur. Comput."],
        ["journals/tdsc"]
    ),
    // Software engineering and programming languages.
    venue!(
        "ICSE",
        C,
        "IEEE/ACM International Conference on Software Engineering",
        ["International Conference on Software Engineering"],
        ["conf/icse"]
    ),
    venue!(
        "ESEC/FSE",
        C,
        "ACM Joint European Software Engineering Conference and Symposium on the Foundations of Software Engineering",
        [
            "FSE",
            "ESEC/SIGSOFT FSE",
            "SIGSOFT FSE",
            "Foundations of Software Engineering",
            "Proc. ACM Softw. Eng."
        ],
        ["conf/sigsoft", "journals/pacmse"]
    ),
    venue!(
        "ASE",
        C,
        "IEEE/ACM International Conference on Automated Software Engineering",
        [],
        ["conf/kbse"]
    ),
    venue!(
        "ISSTA",
        C,
        "ACM SIGSOFT International Symposium on Software Testing and Analysis",
        [],
        ["conf/issta"]
    ),
    venue!(
        "ICFP",
        C,
        "ACM SIGPLAN International Conference on Functional Programming",
        ["International Conference on Functional Programming"],
        ["conf/icfp"]
    ),
    venue!(
        "CAV",
        C,
        "International Conference on Computer Aided Verification",
        [],
        ["conf/cav"]
    ),
    venue!(
        "TSE",
        J,
        "IEEE Transactions on Software Engineering",
        ["IEEE Trans. Software Eng."],
        ["journals/tse"]
    ),
    venue!(
        "TOSEM",
        J,
        "ACM Transactions on Software Engineering and Methodology",
        ["ACM Trans. Softw. Eng. Methodol."],
        ["journals/tosem"]
    ),
    // Theory.
    venue!(
        "STOC",
        C,
        "ACM Symposium on Theory of Computing",
        ["Symposium on Theory of Computing"],
        ["conf/stoc"]
    ),
    venue!(
        "FOCS",
        C,
        "IEEE Annual Symposium on Foundations of Computer Science",
        ["Foundations of Computer Science"],
        ["conf/focs"]
    ),
    venue!(
        "SODA",
        C,
        "ACM-SIAM Symposium on Discrete Algorithms",
        ["Symposium on Discrete Algorithms"],
        ["conf/soda"]
    ),
    venue!(
        "ICALP",
        C,
        "International Colloquium on Automata, Languages, and Programming",
        ["Automata, Languages, and Programming"],
        ["conf/icalp"]
    ),
    venue!(
        "LICS",
        C,
        "ACM/IEEE Symposium on Logic in Computer Science",
        [],
        ["conf/lics"]
    ),
    venue!(
        "JACM",
        J,
        "Journal of the ACM",
        ["J. ACM"],
        ["journals/jacm"]
    ),
    venue!(
        "SICOMP",
        J,
        "SIAM Journal on Computing",
        ["SIAM J. Comput."],
        ["journals/siamcomp"]
    ),
    // Journals dblp abbreviates in its records (`Inf. Process. Lett.`), as
    // reference lists copy them.
    venue!(
        "TCS",
        J,
        "Theoretical Computer Science",
        ["Theor. Comput. Sci."],
        ["journals/tcs"]
    ),
    venue!(
        "IPL",
        J,
        "Information Processing Letters",
        ["Inf. Process. Lett."],
        ["journals/ipl"]
    ),
    venue!(
        "JCSS",
        J,
        "Journal of Computer and System Sciences",
        ["J. Comput. Syst. Sci."],
        ["journals/jcss"]
    ),
    venue!(
        "TOPLAS",
        J,
        "ACM Transactions on Programming Languages and Systems",
        ["ACM Trans. Program. Lang. Syst."],
        ["journals/toplas"]
    ),
    venue!(
        "JFP",
        J,
        "Journal of Functional Programming",
        ["J. Funct. Program."],
        ["journals/jfp"]
    ),
    venue!(
        "LMCS",
        J,
        "Logical Methods in Computer Science",
        ["Log. Methods Comput. Sci."],
        ["journals/lmcs"]
    ),
    venue!(
        "JAR",
        J,
        "Journal of Automated Reasoning",
        ["J. Autom. Reason."],
        ["journals/jar"]
    ),
    venue!(
        "JoC",
        J,
        "Journal of Cryptology",
        ["J. Cryptol."],
        ["journals/joc"]
    ),
    venue!(
        "TOPS",
        J,
        "ACM Transactions on Privacy and Security",
        ["ACM Trans. Priv. Secur."],
        ["journals/tissec"]
    ),
    venue!(
        "IEEE TIT",
        J,
        "IEEE Transactions on Information Theory",
        ["IEEE Trans. Inf. Theory"],
        ["journals/tit"]
    ),
    venue!(
        "IEEE CAL",
        J,
        "IEEE Computer Architecture Letters",
        ["IEEE Comput. Archit. Lett."],
        ["journals/cal"]
    ),
    venue!(
        "SPE",
        J,
        "Software: Practice and Experience",
        ["Softw. Pract. Exp.", "Software - Practice and Experience"],
        ["journals/spe"]
    ),
    venue!(
        "EMSE",
        J,
        "Empirical Software Engineering",
        ["Empir. Softw. Eng."],
        ["journals/ese"]
    ),
    venue!(
        "DMKD",
        J,
        "Data Mining and Knowledge Discovery",
        ["Data Min. Knowl. Discov."],
        ["journals/datamine"]
    ),
    venue!(
        "TKDD",
        J,
        "ACM Transactions on Knowledge Discovery from Data",
        ["ACM Trans. Knowl. Discov. Data"],
        ["journals/tkdd"]
    ),
    venue!(
        "TVCG",
        J,
        "IEEE Transactions on Visualization and Computer Graphics",
        ["IEEE Trans. Vis. Comput. Graph."],
        ["journals/tvcg"]
    ),
    venue!(
        "CGF",
        J,
        "Computer Graphics Forum",
        ["Comput. Graph. Forum"],
        ["journals/cgf"]
    ),
    venue!(
        "TOCHI",
        J,
        "ACM Transactions on Computer-Human Interaction",
        ["ACM Trans. Comput. Hum. Interact."],
        ["journals/tochi"]
    ),
    venue!(
        "PACMHCI",
        J,
        "Proceedings of the ACM on Human-Computer Interaction",
        ["Proc. ACM Hum. Comput. Interact."],
        ["journals/pacmhci"]
    ),
    venue!(
        "IJHCS",
        J,
        "International Journal of Human-Computer Studies",
        ["Int. J. Hum. Comput. Stud."],
        ["journals/ijmms"]
    ),
    venue!(
        "RA-L",
        J,
        "IEEE Robotics and Automation Letters",
        ["IEEE Robotics Autom. Lett."],
        ["journals/ral"]
    ),
    venue!(
        "T-RO",
        J,
        "IEEE Transactions on Robotics",
        ["IEEE Trans. Robotics"],
        ["journals/trob"]
    ),
    venue!(
        "IJRR",
        J,
        "International Journal of Robotics Research",
        ["Int. J. Robotics Res."],
        ["journals/ijrr"]
    ),
    venue!(
        "IEEE TSP",
        J,
        "IEEE Transactions on Signal Processing",
        ["IEEE Trans. Signal Process."],
        ["journals/tsp"]
    ),
    venue!(
        "IEEE SPL",
        J,
        "IEEE Signal Processing Letters",
        ["IEEE Signal Process. Lett."],
        ["journals/spl"]
    ),
    venue!(
        "TASLP",
        J,
        "IEEE/ACM Transactions on Audio, Speech, and Language Processing",
        [
            "IEEE ACM Trans. Audio Speech Lang. Process.",
            "IEEE/ACM Trans. Audio Speech Lang. Process."
        ],
        ["journals/taslp"]
    ),
    // Human-computer interaction and graphics.
    venue!(
        "CHI",
        C,
        "ACM CHI Conference on Human Factors in Computing Systems",
        [
            "ACM CHI",
            "Conference on Human Factors in Computing Systems",
            "Human Factors in Computing Systems"
        ],
        ["conf/chi"]
    ),
    venue!(
        "UIST",
        C,
        "ACM Symposium on User Interface Software and Technology",
        ["User Interface Software and Technology"],
        ["conf/uist"]
    ),
    venue!(
        "SIGGRAPH",
        C,
        "ACM SIGGRAPH Conference",
        ["ACM SIGGRAPH", "SIGGRAPH Conference Papers"],
        ["conf/siggraph"]
    ),
    venue!(
        "SIGGRAPH Asia",
        C,
        "ACM SIGGRAPH Asia Conference",
        ["ACM SIGGRAPH Asia", "SIGGRAPH Asia Conference Papers"],
        ["conf/siggrapha"]
    ),
    venue!(
        "TOG",
        J,
        "ACM Transactions on Graphics",
        ["ACM Trans. Graph."],
        ["journals/tog"]
    ),
    // Robotics.
    venue!(
        "ICRA",
        C,
        "IEEE International Conference on Robotics and Automation",
        ["International Conference on Robotics and Automation"],
        ["conf/icra"]
    ),
    venue!(
        "IROS",
        C,
        "IEEE/RSJ International Conference on Intelligent Robots and Systems",
        ["Intelligent Robots and Systems"],
        ["conf/iros"]
    ),
    venue!(
        "RSS",
        C,
        "Robotics: Science and Systems",
        ["Robotics Science and Systems"],
        ["conf/rss"]
    ),
    venue!("CoRL", C, "Conference on Robot Learning", [], ["conf/corl"]),
    // More machine learning, vision, language and speech.
    venue!(
        "WACV",
        C,
        "IEEE/CVF Winter Conference on Applications of Computer Vision",
        ["Winter Conference on Applications of Computer Vision"],
        ["conf/wacv"]
    ),
    venue!(
        "BMVC",
        C,
        "British Machine Vision Conference",
        ["British Machine Vision"],
        ["conf/bmvc"]
    ),
    venue!(
        "3DV",
        C,
        "International Conference on 3D Vision",
        [],
        ["conf/3dim"]
    ),
    venue!(
        "ACM MM",
        C,
        "ACM International Conference on Multimedia",
        ["ACM Multimedia"],
        ["conf/mm"]
    ),
    venue!(
        "MICCAI",
        C,
        "International Conference on Medical Image Computing and Computer-Assisted Intervention",
        ["Medical Image Computing and Computer Assisted Intervention"],
        ["conf/miccai"]
    ),
    venue!(
        "EACL",
        C,
        "Conference of the European Chapter of the Association for Computational Linguistics",
        ["European Chapter of the Association for Computational Linguistics"],
        ["conf/eacl"]
    ),
    venue!(
        "CoNLL",
        C,
        "Conference on Computational Natural Language Learning",
        ["Computational Natural Language Learning"],
        ["conf/conll"]
    ),
    venue!(
        "ICASSP",
        C,
        "IEEE International Conference on Acoustics, Speech and Signal Processing",
        ["Acoustics, Speech and Signal Processing"],
        ["conf/icassp"]
    ),
    venue!(
        "Interspeech",
        C,
        "Annual Conference of the International Speech Communication Association",
        [
            "INTERSPEECH",
            "International Speech Communication Association"
        ],
        ["conf/interspeech"]
    ),
    venue!(
        "ECAI",
        C,
        "European Conference on Artificial Intelligence",
        ["European Conference on Artificial Intelligence"],
        ["conf/ecai"]
    ),
    venue!(
        "AAMAS",
        C,
        "International Conference on Autonomous Agents and Multiagent Systems",
        [],
        ["conf/atal"]
    ),
    venue!(
        "ICWSM",
        C,
        "International AAAI Conference on Web and Social Media",
        [],
        ["conf/icwsm"]
    ),
    venue!(
        "SDM",
        C,
        "SIAM International Conference on Data Mining",
        ["SIAM Data Mining"],
        ["conf/sdm"]
    ),
    venue!(
        "ECML PKDD",
        C,
        "European Conference on Machine Learning and Principles and Practice of Knowledge Discovery in Databases",
        ["ECML/PKDD", "ECML-PKDD"],
        ["conf/pkdd"]
    ),
    venue!(
        "TPAMI",
        J,
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        ["IEEE Trans. Pattern Anal. Mach. Intell.", "PAMI"],
        ["journals/pami"]
    ),
    venue!(
        "IJCV",
        J,
        "International Journal of Computer Vision",
        ["Int. J. Comput. Vis."],
        ["journals/ijcv"]
    ),
    venue!(
        "TIP",
        J,
        "IEEE Transactions on Image Processing",
        ["IEEE Trans. Image Process."],
        ["journals/tip"]
    ),
    venue!(
        "TNNLS",
        J,
        "IEEE Transactions on Neural Networks and Learning Systems",
        ["IEEE Trans. Neural Networks Learn. Syst."],
        ["journals/tnn"]
    ),
    venue!(
        "TMC",
        J,
        "IEEE Transactions on Mobile Computing",
        ["IEEE Trans. Mob. Comput."],
        ["journals/tmc"]
    ),
    venue!(
        "JSAC",
        J,
        "IEEE Journal on Selected Areas in Communications",
        ["IEEE J. Sel. Areas Commun."],
        ["journals/jsac"]
    ),
    venue!(
        "TCAD",
        J,
        "IEEE Transactions on Computer-Aided Design of Integrated Circuits and Systems",
        ["IEEE Trans. Comput. Aided Des. Integr. Circuits Syst."],
        ["journals/tcad"]
    ),
    // Preprints.
    venue!(
        "arXiv",
        P,
        "arXiv",
        [
            "CoRR",
            "arXiv preprint",
            "arXiv.org",
            "ArXiv e-prints",
            "Computing Research Repository"
        ],
        ["journals/corr"]
    ),
    venue!(
        "bioRxiv",
        P,
        "bioRxiv",
        ["bioRxiv preprint"],
        ["journals/biorxiv"]
    ),
    venue!(
        "medRxiv",
        P,
        "medRxiv",
        ["medRxiv preprint"],
        ["journals/medrxiv"]
    ),
];

/// Every venue the registry knows, in a stable order.
pub fn all() -> &'static [Venue] {
    VENUES
}

/// Words that carry no identity in a venue string.
const NOISE_WORDS: &[&str] = &[
    "in",
    "proc",
    "proceedings",
    "of",
    "the",
    "on",
    "conference",
    "conf",
];

/// Publisher and society words, dropped only when the full string is not known.
const ORGANISATION_WORDS: &[&str] = &["acm", "ieee", "usenix", "sigplan", "sigops", "cvf", "sigda"];

/// Common English words that are also venue names: detected inside longer text
/// only when written in capitals.
const WORD_LIKE: &[&str] = &[
    "fast",
    "micro",
    "cluster",
    "nature",
    // dblp's `Nat.` is Nature; `Nat Med`, `Nat. Commun.` are other journals.
    "nat",
    "science",
    "middleware",
    "pact",
    "colt",
];

/// Like [`WORD_LIKE`], names that are a venue only in capitals, and so even
/// when they are all the text (`Chi` is a person, `Robot Learning`, CoRL's name less
/// its noise words, a topic heading); `Nature` alone is the journal.
const CAPITALS_ONLY: &[&str] = &[
    "date",
    "soda",
    "crypto",
    "chi",
    "rss",
    "raid",
    "tip",
    "pets",
    "robot learning",
];

/// Whether a text says it names a conference or journal series in words
/// (`Conference on Robot Learning`).
fn names_series(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|word| {
        [
            "conference",
            "symposium",
            "workshop",
            "proceedings",
            "journal",
            "transactions",
        ]
        .iter()
        .any(|series| word.eq_ignore_ascii_case(series))
    })
}

/// Whether a venue's name is also a word (`FAST`, `Nature`, `DATE`) or a
/// person's name (`Chi`): it names the venue only as the venue writes it.
pub fn is_word_like(name: &str) -> bool {
    WORD_LIKE
        .iter()
        .chain(CAPITALS_ONLY)
        .any(|word| word.eq_ignore_ascii_case(name))
}

/// Splits text into folded words, dropping years (`2024`, `'24`), ordinals
/// (`13th`) and volume numbers, and keeping each word's original spelling.
fn venue_words(text: &str) -> Vec<(String, &str)> {
    let mut words = Vec::new();
    for original in text.split(|c: char| !c.is_alphanumeric()) {
        let mut folded = String::new();
        if fold_word(original, &mut folded) {
            words.push((folded, original));
        }
    }
    words
}

/// Ordinals as Google Scholar spells them (`Proceedings of the
/// twenty-fifth ACM Symposium...`), one word each side of the hyphen.
const SPELLED_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
];

/// Folds one word into `out` (replacing what it held); false for words that
/// do not count: empty, numbers and ordinals (`13th`, `nineteenth`).
fn fold_word(word: &str, out: &mut String) -> bool {
    out.clear();
    if word.is_empty() {
        return false;
    }
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&fold(word));
    }
    let is_number = out.bytes().all(|c| c.is_ascii_digit());
    let is_ordinal = out.len() > 2
        && ["st", "nd", "rd", "th"].iter().any(|s| out.ends_with(s))
        && out.as_bytes()[..out.len() - 2]
            .iter()
            .all(u8::is_ascii_digit);
    !is_number && !is_ordinal && !SPELLED_ORDINALS.contains(&out.as_str())
}

/// The registry key of a venue string: folded words without noise.
/// ACL's `Annual Meeting of the ... Linguistics (Volume 1: Long Papers)`: the
/// venue without the part of its proceedings.
pub fn without_part(text: &str) -> &str {
    let trimmed = text.trim_end().trim_end_matches('.');
    // The closing parenthesis may have gone with the tag's brackets.
    let head = trimmed.strip_suffix(')').unwrap_or(trimmed);
    if let Some(open) = head.rfind(" (")
        && !head[open..].contains(')')
        && let inner = &head[open + 2..]
        && (inner.starts_with("Volume ") || inner.ends_with(" Papers"))
    {
        // NAACL's `..., Volume 1 (Long and Short Papers)`.
        let head = &text[..open];
        if let Some(comma) = head.rfind(", Volume ")
            && head[comma + 9..].bytes().all(|b| b.is_ascii_digit())
        {
            return &head[..comma];
        }
        return head;
    }
    text
}

fn venue_key(text: &str, drop_organisations: bool) -> String {
    let mut key = String::with_capacity(text.len());
    let mut folded = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if !fold_word(word, &mut folded)
            || NOISE_WORDS.contains(&folded.as_str())
            || (drop_organisations && ORGANISATION_WORDS.contains(&folded.as_str()))
        {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&folded);
    }
    key
}

static INDEX: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut index = HashMap::default();
    for (i, venue) in VENUES.iter().enumerate() {
        let names = [venue.short, venue.name]
            .into_iter()
            .chain(venue.aliases.iter().copied());
        for name in names {
            index.entry(venue_key(name, false)).or_insert(i);
        }
    }
    index
});

/// The first word of every registry key.
static FIRST_WORDS: LazyLock<foldhash::HashSet<&'static str>> = LazyLock::new(|| {
    INDEX
        .keys()
        .filter_map(|key| key.split(' ').next())
        .collect()
});

/// The most words a registry key has: longer windows of text cannot match.
static LONGEST_KEY: LazyLock<usize> = LazyLock::new(|| {
    INDEX
        .keys()
        .map(|key| key.split(' ').count())
        .max()
        .unwrap_or(0)
});

/// Resolves a whole venue string to a registry venue.
///
/// Case, punctuation, years, ordinals, `Proceedings of`, `Conference` and
/// parentheses do not matter; publisher words (`ACM`, `IEEE`, `USENIX`) are
/// dropped when the string is not known with them.
///
/// ```
/// use paperlist_model::venue;
/// assert_eq!(venue::lookup("Proc. VLDB Endow.").map(|v| v.short), Some("VLDB"));
/// assert_eq!(venue::lookup("USENIX ATC '21").map(|v| v.short), Some("USENIX ATC"));
/// assert_eq!(venue::lookup("NIPS").map(|v| v.short), Some("NeurIPS"));
/// assert_eq!(venue::lookup("ICML Workshop on Hardware Aware Efficient Training"), None);
/// ```
pub fn lookup(text: &str) -> Option<&'static Venue> {
    let text = without_part(text);
    // A registry key starts with one of few words: text whose first word (or
    // first word after the publisher words) is none of them is no venue, and
    // most text asked about (titles, author lists) is told apart that way.
    let mut folded = String::new();
    // (could start a key, is a publisher word) for each word that counts.
    let mut first_words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| {
            let counts = fold_word(word, &mut folded) && !NOISE_WORDS.contains(&folded.as_str());
            counts.then(|| {
                (
                    FIRST_WORDS.contains(folded.as_str()),
                    ORGANISATION_WORDS.contains(&folded.as_str()),
                )
            })
        });
    let could_start = match first_words.next() {
        None => return None,
        Some((true, _)) => true,
        // "ACM SIGCOMM": the key without publisher words starts later.
        Some((false, true)) => first_words
            .find(|&(_, organisation)| !organisation)
            .is_some_and(|(starts, _)| starts),
        Some((false, false)) => false,
    };
    if !could_start {
        return None;
    }
    let key = venue_key(text, false);
    // (`Conference on Robot Learning` says what it is; `Robot Learning`
    // alone is a topic.)
    if key.is_empty()
        || (CAPITALS_ONLY.contains(&key.as_str())
            && text.contains(char::is_lowercase)
            && !names_series(text))
    {
        return None;
    }
    // Keys longer than any registry name cannot match, with or without the
    // publisher words; nor can the shorter key when there is no word to drop.
    let words = key.split(' ').count();
    let organisation_words = key
        .split(' ')
        .filter(|w| ORGANISATION_WORDS.contains(w))
        .count();
    if words - organisation_words > *LONGEST_KEY {
        return None;
    }
    let has_organisation = organisation_words > 0;
    INDEX
        .get(&key)
        .or_else(|| {
            has_organisation
                .then(|| INDEX.get(&venue_key(text, true)))
                .flatten()
        })
        .map(|&i| &VENUES[i])
}

/// The venue with this canonical short name (exact, case-sensitive).
pub fn by_short(short: &str) -> Option<&'static Venue> {
    VENUES.iter().find(|v| v.short == short)
}

/// The venue whose dblp streams hold this record key (`conf/osdi/...` gives OSDI).
pub fn by_dblp_key(key: &DblpKey) -> Option<&'static Venue> {
    VENUES.iter().find(|v| v.owns_dblp_key(key))
}

/// Finds a venue named inside a longer text, such as a heading (`NeurIPS 2023`,
/// `Papers at OSDI`) or a citation line (`(ASPLOS '24)`).
///
/// Longer names win over shorter ones. Names that are ordinary words (`FAST`,
/// `Nature`) count only in capitals or when they are the whole text. A text
/// that names a workshop never resolves to a non-workshop venue: `ICML Workshop
/// on X` is not ICML.
pub fn detect(text: &str) -> Option<&'static Venue> {
    // `Findings of the Association for Computational Linguistics: EMNLP
    // 2023`: the Findings of the conference named after the colon, which dblp
    // files under that conference.
    if let Some((findings, conference)) = text.split_once(':')
        && findings
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("findings of")
        && let Some(venue) = detect(conference)
    {
        return Some(venue);
    }
    if let Some(venue) = lookup(text) {
        return Some(venue);
    }
    let words: Vec<(String, &str)> = venue_words(text)
        .into_iter()
        .filter(|(w, _)| !NOISE_WORDS.contains(&w.as_str()))
        .collect();
    let mentions_workshop = words.iter().any(|(w, _)| w.starts_with("workshop"));
    let mut key = String::new();
    for len in (1..=words.len().min(8).min(*LONGEST_KEY)).rev() {
        for window in words.windows(len) {
            key.clear();
            for (n, (word, _)) in window.iter().enumerate() {
                if n > 0 {
                    key.push(' ');
                }
                key.push_str(word);
            }
            let Some(&i) = INDEX.get(&key) else { continue };
            let venue = &VENUES[i];
            let written_in_capitals = window.iter().all(|(_, original)| {
                original.chars().any(char::is_uppercase)
                    && !original.chars().any(char::is_lowercase)
            });
            let word_like =
                WORD_LIKE.contains(&key.as_str()) || CAPITALS_ONLY.contains(&key.as_str());
            if word_like && !written_in_capitals {
                continue;
            }
            let has_capital = window
                .iter()
                .any(|(_, original)| original.chars().any(char::is_uppercase));
            if !has_capital {
                continue;
            }
            if mentions_workshop && venue.kind != VenueKind::Workshop {
                return None;
            }
            return Some(venue);
        }
    }
    None
}

/// `17th USENIX Symposium on Operating Systems Design and …`, `Advances in
/// neural …`: a name Google Scholar cut short, completed when exactly one
/// registry venue's name (or alias) begins with the words written (three
/// at least, publisher words kept).
pub fn complete_prefix(text: &str) -> Option<&'static Venue> {
    let written = text
        .trim()
        .strip_suffix('\u{2026}')
        .or_else(|| text.trim().strip_suffix("..."))?;
    let key = venue_key(written, false);
    if written.split_whitespace().count() < 3 || key.split(' ').count() < 2 {
        return None;
    }
    let mut found: Option<usize> = None;
    for (name, &i) in INDEX.iter() {
        if name.starts_with(&key) && name.as_bytes().get(key.len()) == Some(&b' ') {
            match found {
                Some(other) if other != i => return None,
                _ => found = Some(i),
            }
        }
    }
    found.map(|i| &VENUES[i])
}

/// Resolves a container name as bibliographies write it: the whole string
/// ([`lookup`]), else a venue named inside it ([`detect`]), so
/// `13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 18)`
/// is OSDI while `Workshop on X at ICML` stays unresolved.
pub fn resolve(text: &str) -> Option<&'static Venue> {
    lookup(text).or_else(|| detect(text))
}

/// `19 ICML`, `22 arxiv`: a registry venue after a two-digit year, as reading
/// lists tag papers (`(20 ECCV) Title`), written venue first with the whole
/// year (`ICML 2019`). `None` for anything else.
///
/// ```
/// use paperlist_model::venue::year_first_tag;
/// assert_eq!(year_first_tag("19 ICML").as_deref(), Some("ICML 2019"));
/// assert_eq!(year_first_tag("22 arxiv").as_deref(), Some("arxiv 2022"));
/// assert_eq!(year_first_tag("19 Things"), None);
/// assert_eq!(year_first_tag("2019 ICML"), None);
/// ```
pub fn year_first_tag(text: &str) -> Option<String> {
    let (digits, name) = text.trim().split_once(' ')?;
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    lookup(name.trim())?;
    let short: i32 = digits.parse().ok()?;
    let year = if short < 50 {
        2000 + short
    } else {
        1900 + short
    };
    Some(format!("{} {year}", name.trim()))
}

/// `OSDI22`, `NeurIPS2023`, `[EuroSys24]`: a venue's short name with its year
/// glued on, written apart (`OSDI 2022`, `[EuroSys 2024]`) so the year and the
/// venue can be read. `None` when no word of the text is such a pair; the
/// letters must name a registry venue, so `ResNet50` and `GPT4` stay as they are.
///
/// ```
/// use paperlist_model::venue::unglue_year;
/// assert_eq!(unglue_year("In: SC22").as_deref(), Some("In: SC 2022"));
/// assert_eq!(unglue_year("[NeurIPS2023]").as_deref(), Some("[NeurIPS 2023]"));
/// assert_eq!(unglue_year("ResNet50 on GPT4"), None);
/// ```
pub fn unglue_year(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // Quick refusal: no word ends in two or four digits after a letter.
    let glued_at = |i: usize| {
        let digits = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = bytes.get(i + 1 + digits);
        (digits == 2 || digits == 4) && after.is_none_or(|b| !b.is_ascii_alphanumeric())
    };
    if !(0..bytes.len().saturating_sub(1))
        .any(|i| bytes[i].is_ascii_alphabetic() && bytes[i + 1].is_ascii_digit() && glued_at(i))
    {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest
            .find(|c: char| c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        let digits_at = word
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        let (letters, digits) = word.split_at(digits_at);
        let year = match digits.len() {
            2 => digits
                .parse::<i32>()
                .ok()
                .map(|y| if y < 50 { 2000 + y } else { 1900 + y }),
            4 => digits
                .parse::<i32>()
                .ok()
                .filter(|y| (1950..=2099).contains(y)),
            _ => None,
        };
        match year {
            Some(year)
                if letters.len() >= 2
                    && letters.bytes().all(|b| b.is_ascii_alphabetic())
                    && lookup(letters).is_some() =>
            {
                out.push_str(letters);
                out.push(' ');
                out.push_str(&year.to_string());
                changed = true;
            }
            _ => out.push_str(word),
        }
        rest = &rest[end..];
    }
    changed.then_some(out)
}

/// The year a venue string or heading names: `2024`, `'24` or `’24`
/// (two-digit years below 50 are 20xx).
///
/// ```
/// use paperlist_model::venue::year_in;
/// assert_eq!(year_in("USENIX ATC '21"), Some(2021));
/// assert_eq!(year_in("Proceedings of ASPLOS Conference 2024"), Some(2024));
/// assert_eq!(year_in("SIGMOD"), None);
/// ```
pub fn year_in(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let is_digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    while i < bytes.len() {
        if is_digit(i) && !(i > 0 && is_digit(i - 1)) {
            let mut end = i;
            while is_digit(end) {
                end += 1;
            }
            let run = &text[i..end];
            // `2001.08361` is an arXiv identifier (year and month, then a
            // number), not the year 2001.
            let arxiv_id = bytes.get(end) == Some(&b'.') && (end + 1..end + 5).all(is_digit);
            if run.len() == 4
                && !arxiv_id
                && let Ok(year) = run.parse::<i32>()
                && (1900..=2099).contains(&year)
            {
                return Some(year);
            }
            let after_apostrophe = text[..i].ends_with('\'') || text[..i].ends_with('\u{2019}');
            if run.len() == 2
                && after_apostrophe
                && !text[end..].starts_with(|c: char| c.is_alphanumeric())
            {
                let short: i32 = run.parse().ok()?;
                return Some(if short < 50 {
                    2000 + short
                } else {
                    1900 + short
                });
            }
            i = end;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(text: &str) -> Option<&'static str> {
        lookup(text).map(|v| v.short)
    }

    #[test]
    fn names_cut_short_are_completed_when_unique() {
        let short = |text| complete_prefix(text).map(|v| v.short);
        assert_eq!(
            short("17th USENIX Symposium on Operating Systems Design and …"),
            Some("OSDI")
        );
        assert_eq!(short("Advances in neural …"), Some("NeurIPS"));
        assert_eq!(short("Proceedings of the ACM …"), None, "many venues");
        assert_eq!(short("Advances …"), None, "too short");
        assert_eq!(short("Advances in neural"), None, "not cut short");
    }

    #[test]
    fn a_part_of_the_proceedings_is_no_part_of_the_name() {
        assert_eq!(
            short(
                "Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)"
            ),
            Some("ACL")
        );
        assert_eq!(
            short("Annual Meeting of the Association for Computational Linguistics (Short Papers)"),
            Some("ACL")
        );
        assert_eq!(short("Annual Meeting of the Association (Meta)"), None);
        assert_eq!(
            without_part("Proceedings of NAACL-HLT, Volume 1 (Long and Short Papers)"),
            "Proceedings of NAACL-HLT"
        );
        assert_eq!(
            short(
                "Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers"
            ),
            Some("ACL"),
            "a tag's closing parenthesis trimmed"
        );
    }

    #[test]
    fn aliases_written_in_the_seeds() {
        // Headings of the reading list.
        for (text, want) in [
            ("OSDI", "OSDI"),
            ("SOSP", "SOSP"),
            ("NSDI", "NSDI"),
            ("EuroSys", "EuroSys"),
            ("ATC ", "USENIX ATC"),
            ("VLDB", "VLDB"),
            ("SIGMOD", "SIGMOD"),
            ("NeurIPS", "NeurIPS"),
            ("ICML", "ICML"),
            ("ICLR", "ICLR"),
            ("ASPLOS", "ASPLOS"),
            ("SC", "SC"),
            ("HPCA", "HPCA"),
            ("MLSys", "MLSys"),
            ("PPoPP", "PPoPP"),
            ("MobiSys", "MobiSys"),
            ("ISCA", "ISCA"),
            ("Arxiv", "arXiv"),
            // Venue lines and tags of the homepages and the CV.
            ("Proceedings of ASPLOS Conference 2024", "ASPLOS"),
            ("Proc. VLDB Endow. 2023", "VLDB"),
            ("In Proceedings of SIGMOD Conference 2022", "SIGMOD"),
            ("In Proceedings of ICDE Conference 2022", "ICDE"),
            ("Sci. China Inf. Sci. 2022", "Sci. China Inf. Sci."),
            ("ASPLOS '24", "ASPLOS"),
            ("(ASPLOS '24)", "ASPLOS"),
            ("NSDI '24", "NSDI"),
            ("KDD 2025", "KDD"),
            ("ACL 2024", "ACL"),
            ("OSDI 2025", "OSDI"),
            // Other forms people and dblp write.
            ("NIPS", "NeurIPS"),
            (
                "Advances in Neural Information Processing Systems",
                "NeurIPS",
            ),
            ("USENIX ATC '21", "USENIX ATC"),
            ("USENIX Annual Technical Conference", "USENIX ATC"),
            ("SIGMOD Conference", "SIGMOD"),
            ("ACM SIGMOD", "SIGMOD"),
            ("PVLDB", "VLDB"),
            ("SysML", "MLSys"),
            ("CoRR", "arXiv"),
            ("arXiv preprint", "arXiv"),
            ("ICLR (Poster)", "ICLR"),
            ("ACL (1)", "ACL"),
            ("ASPLOS (2)", "ASPLOS"),
            (
                "Proceedings of the 13th USENIX Symposium on Operating Systems Design and Implementation",
                "OSDI",
            ),
            ("IEEE ICDE", "ICDE"),
            ("IEEE Micro", "IEEE Micro"),
            ("MICRO", "MICRO"),
            ("The VLDB Journal", "VLDB J."),
            ("SC '21", "SC"),
        ] {
            assert_eq!(short(text), Some(want), "{text}");
        }
    }

    #[test]
    fn unknown_and_workshop_venues_do_not_resolve() {
        assert_eq!(
            short("In Proceedings of ICML Hardware Aware Efficient Training (HAET) Workshop 2022"),
            None
        );
        assert_eq!(
            short("Google Workshop on Sparsity and Adaptive Computation 2022"),
            None
        );
        assert_eq!(short("Under Review"), None);
        assert_eq!(short(""), None);
        assert_eq!(short("2022"), None);
        assert_eq!(
            detect("ICML Hardware Aware Efficient Training (HAET) Workshop 2022").map(|v| v.short),
            None
        );
    }

    #[test]
    fn detects_venues_inside_text() {
        let found = |text: &str| detect(text).map(|v| v.short);
        assert_eq!(found("NeurIPS 2023 papers"), Some("NeurIPS"));
        assert_eq!(found("Accepted at OSDI 2025"), Some("OSDI"));
        assert_eq!(found("Fast and Efficient Model Serving"), None);
        assert_eq!(found("Papers in FAST 2020"), Some("FAST"));
        assert_eq!(found("the nature of things"), None);
        assert_eq!(
            found("Papers at USENIX Security 2023"),
            Some("USENIX Security")
        );
        assert_eq!(found("In CHI '24"), Some("CHI"));
        // A name, a word or a topic that is also a venue's name.
        assert_eq!(found("Chi Zhang"), None);
        assert_eq!(found("Chi"), None);
        assert_eq!(found("Robot Learning"), None);
        assert_eq!(found("Tips and Tricks"), None);
        assert_eq!(found("Date"), None);
        assert_eq!(found("DATE 2024"), Some("DATE"));
        assert_eq!(found("CoRL 2023"), Some("CoRL"));
        // A topic alone is none; the series named in words is.
        assert_eq!(
            found("Proceedings of the 7th Conference on Robot Learning"),
            Some("CoRL")
        );
        assert_eq!(
            found("Findings of the Association for Computational Linguistics: EMNLP 2023"),
            Some("EMNLP")
        );
        assert_eq!(
            found("Findings of the Association for Computational Linguistics: ACL 2023"),
            Some("ACL")
        );
        assert_eq!(
            found("Proceedings of the ACM on Programming Languages"),
            Some("PACMPL")
        );
        assert_eq!(found("USENIX ;login:"), Some(";login:"));
        assert_eq!(found("Nat."), Some("Nature"));
        assert_eq!(found("Nat Med"), None);
        assert_eq!(found("Nat. Commun."), None);
        assert_eq!(
            found("Workshop on Hot Topics in Operating Systems"),
            Some("HotOS")
        );
    }

    #[test]
    fn registry_is_consistent() {
        let mut seen: HashMap<String, &str> = HashMap::default();
        for venue in all() {
            assert!(
                !venue.dblp_streams.is_empty(),
                "{} has no dblp stream",
                venue.short
            );
            for name in [venue.short, venue.name].iter().chain(venue.aliases) {
                let key = venue_key(name, false);
                assert!(!key.is_empty(), "{name} has an empty key");
                if let Some(other) = seen.insert(key.clone(), venue.short) {
                    assert_eq!(
                        other, venue.short,
                        "{name:?} ({key}) names both {other} and {}",
                        venue.short
                    );
                }
            }
        }
        let key: DblpKey = "conf/osdi/MoritzNWTLLEYPJ18".parse().unwrap();
        assert_eq!(by_dblp_key(&key).map(|v| v.short), Some("OSDI"));
        let key: DblpKey = "journals/pvldb/MiaoZSNYTC22".parse().unwrap();
        assert_eq!(by_dblp_key(&key).map(|v| v.short), Some("VLDB"));
        assert_eq!(
            by_short("NeurIPS").map(|v| v.kind),
            Some(VenueKind::Conference)
        );
    }

    #[test]
    fn years() {
        assert_eq!(year_in("NSDI '24"), Some(2024));
        assert_eq!(year_in("ASPLOS \u{2019}99"), Some(1999));
        assert_eq!(year_in("### 2018"), Some(2018));
        assert_eq!(year_in("Proc. VLDB Endow. 2023"), Some(2023));
        assert_eq!(year_in("page 12345"), None);
        assert_eq!(year_in("'24s"), None);
        // An arXiv identifier's first four digits are a year and a month.
        assert_eq!(year_in("arXiv:2001.08361, 2020"), Some(2020));
        assert_eq!(year_in("arXiv preprint arXiv:1910.02054"), None);
        assert_eq!(year_in("NeurIPS 2020."), Some(2020));
        assert_eq!(year_in("2023.12"), Some(2023));
    }
}
