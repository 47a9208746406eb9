//! A synthetic vendor for the `bundle` benchmarks: a school-software company
//! with `services` service notices and `customers` customer files, shaped
//! like `tests/fixtures/bundle` and `examples/vendor` but at fleet size.
//! Shared by `examples/generate_fleet.rs` and `benches/fleet.rs` through
//! `#[path]`.
//!
//! - `services/vendor-common.toml`: the fragment every service extends
//!   (processor, storage periods, automated decisions, rights, security).
//! - `services/service-1.toml` .. `service-N.toml`: `controller = "customer"`,
//!   `extends = "vendor-common"`, in fi, sv and en, 8-15 KB each. Five kinds
//!   of service (user management, learning platform, messaging, exams,
//!   library) are cycled; services 1 and 2 set their own storage periods,
//!   the learning platform transfers data to the US.
//! - `customers/customer-0001.toml` ..: every customer publishes in fi, sv
//!   and en (a Swedish-speaking one lists sv first) and uses every service.
//!   Municipalities, joint authorities, universities of applied sciences
//!   and private schools; one in four has local `[[additions]]`.
//!
//! The output depends only on the arguments: no clock, no randomness.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// Text in fi, sv and en.
type Tri = [&'static str; 3];

const LANGS: [&str; 3] = ["fi", "sv", "en"];

/// Writes the vendor into `out/services` and `out/customers`. Files an
/// earlier run wrote there (`service-*.toml`, `customer-*.toml`,
/// `logos/customer-*.svg`) are removed first, so that a smaller fleet
/// written over a larger one leaves no stale customers; other files are
/// left alone.
pub fn generate(out: &Path, customers: usize, services: usize) -> io::Result<()> {
    if services == 0 {
        return Err(io::Error::other("a fleet needs at least one service"));
    }
    let service_dir = out.join("services");
    let customer_dir = out.join("customers");
    let logo_dir = customer_dir.join("logos");
    for (dir, prefix, ext) in [
        (&service_dir, "service-", ".toml"),
        (&customer_dir, "customer-", ".toml"),
        (&logo_dir, "customer-", ".svg"),
    ] {
        std::fs::create_dir_all(dir)?;
        remove_generated(dir, prefix, ext)?;
    }
    std::fs::write(service_dir.join("vendor-common.toml"), fragment())?;
    for i in 1..=services {
        std::fs::write(
            service_dir.join(format!("service-{i}.toml")),
            service(i, &THEMES[(i - 1) % THEMES.len()]),
        )?;
    }
    for i in 1..=customers {
        let (toml, logo) = customer(i, services);
        std::fs::write(customer_dir.join(format!("customer-{i:04}.toml")), toml)?;
        if let Some(svg) = logo {
            std::fs::write(logo_dir.join(format!("customer-{i:04}.svg")), svg)?;
        }
    }
    Ok(())
}

/// Removes the files of `dir` named `{prefix}<number>{ext}`.
fn remove_generated(dir: &Path, prefix: &str, ext: &str) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let generated = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|n| n.strip_suffix(ext))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if generated && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// The ids of the services `generate` writes.
pub fn service_ids(services: usize) -> Vec<String> {
    (1..=services).map(|i| format!("service-{i}")).collect()
}

// --- Writing TOML ---------------------------------------------------------------

fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Toml(String);

impl Toml {
    fn new() -> Toml {
        Toml(String::with_capacity(16 * 1024))
    }

    fn line(&mut self, s: &str) {
        self.0.push_str(s);
        self.0.push('\n');
    }

    fn str(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.0, "{key} = {}", q(value));
    }

    fn ids(&mut self, key: &str, ids: &[&str]) {
        let list: Vec<String> = ids.iter().map(|i| q(i)).collect();
        let _ = writeln!(self.0, "{key} = [{}]", list.join(", "));
    }

    /// `key.fi = "..."` and so on, one line per language.
    fn tri(&mut self, key: &str, t: &Tri) {
        for (lang, text) in LANGS.iter().zip(t) {
            let _ = writeln!(self.0, "{key}.{lang} = {}", q(text));
        }
    }

    /// `key = { fi = "...", sv = "...", en = "..." }` on one line.
    fn inline(&mut self, key: &str, t: &Tri) {
        let _ = writeln!(
            self.0,
            "{key} = {{ fi = {}, sv = {}, en = {} }}",
            q(t[0]),
            q(t[1]),
            q(t[2])
        );
    }

    /// Like [`Toml::tri`] with owned strings.
    fn tri_owned(&mut self, key: &str, t: [String; 3]) {
        for (lang, text) in LANGS.iter().zip(&t) {
            let _ = writeln!(self.0, "{key}.{lang} = {}", q(text));
        }
    }
}

// --- The fragment ----------------------------------------------------------------

fn fragment() -> String {
    let mut t = Toml::new();
    t.line("# Shared parts of every service notice of Koulusofta Oy (synthetic).");
    t.line("# A service that writes `extends = \"vendor-common\"` takes every");
    t.line("# top-level key below that it does not set itself.");
    t.line("");
    t.line("fragment = true");
    t.str("id", "vendor-common");
    t.str("version", "3.2");
    t.line("updated = 2026-10-15");
    t.line("");
    t.line("[processor]");
    t.str("name", "Koulusofta Oy");
    t.str("address", "Teknologiapuisto 4 B, 40100 Jyväskylä");
    t.str("email", "tuki@koulusofta.example");
    t.str("web", "https://www.koulusofta.example");
    t.str("country", "FI");
    t.tri(
        "description",
        &[
            "Koulusofta Oy toimittaa palvelun rekisterinpitäjän kanssa tekemänsä sopimuksen perusteella ja vastaa sen teknisestä toimivuudesta. Se käsittelee henkilötietoja henkilötietojen käsittelijänä vain rekisterinpitäjän lukuun ja sen kirjallisten ohjeiden mukaan.",
            "Koulusofta Oy levererar tjänsten enligt avtal med den personuppgiftsansvarige och ansvarar för att den fungerar tekniskt. Bolaget behandlar personuppgifter som personuppgiftsbiträde endast för den personuppgiftsansvariges räkning och enligt dennes skriftliga instruktioner.",
            "Koulusofta Oy supplies the service under its contract with the controller and is responsible for its technical operation. As a processor it handles personal data only on the controller's behalf and on the controller's written instructions.",
        ],
    );
    t.line("");
    t.line("[[retention]]");
    t.str("id", "keep-while-enrolled");
    t.tri(
        "rule",
        &[
            "Tietoja käsitellään niin kauan kuin henkilö on oppilaitoksen oppilas tai opiskelija tai kuuluu sen henkilökuntaan. Lähteneiden henkilöiden tiedot poistetaan automaattisesti seuraavan lukuvuoden alussa, ellei rekisterinpitäjä ole ohjeistanut toisin.",
            "Uppgifterna behandlas så länge personen är elev eller studerande vid läroanstalten eller hör till dess personal. Uppgifterna om dem som har slutat raderas automatiskt i början av följande läsår, om den personuppgiftsansvarige inte har gett andra instruktioner.",
            "The data are processed while the person is a pupil or student of the institution or a member of its staff. The data of people who have left are deleted automatically at the start of the next school year unless the controller has instructed otherwise.",
        ],
    );
    t.line("");
    t.line("[[retention]]");
    t.str("id", "keep-logs");
    t.ids("applies_to", &["log-data"]);
    t.str("period", "P2Y");
    t.tri(
        "rule",
        &[
            "Lokitiedot poistetaan viimeistään kahden vuoden kuluttua niiden syntymisestä.",
            "Loggdata raderas senast två år efter att de uppstod.",
            "Log data are deleted at the latest two years after they were created.",
        ],
    );
    t.line("");
    t.line("[automated_decisions]");
    t.line("used = false");
    t.line("profiling = false");
    t.tri(
        "description",
        &[
            "Palvelussa ei tehdä automaattisia päätöksiä eikä käyttäjiä profiloida.",
            "I tjänsten fattas inga automatiserade beslut och användarna profileras inte.",
            "The service makes no automated decisions and does not profile its users.",
        ],
    );
    t.line("");
    t.line("[rights]");
    t.tri(
        "how",
        &[
            "Lähetä tietopyynnöt ja muut oikeuksiasi koskevat pyynnöt rekisterinpitäjän tietosuojavastaavalle, jonka yhteystiedot ovat tässä selosteessa. Rekisterinpitäjä vastaa pyyntöihin yhdessä Koulusofta Oy:n kanssa, tavallisesti kuukauden kuluessa.",
            "Skicka begäran om tillgång och andra begäranden som gäller dina rättigheter till den personuppgiftsansvariges dataskyddsombud, vars kontaktuppgifter finns i denna beskrivning. Den personuppgiftsansvarige besvarar dem tillsammans med Koulusofta Oy, vanligen inom en månad.",
            "Send requests for access and other requests about your rights to the controller's data protection officer, whose contact details are given in this notice. The controller answers them together with Koulusofta Oy, usually within one month.",
        ],
    );
    t.line("");
    t.line("[security]");
    t.str(
        "fi",
        "- Kaikki tiedot ja niiden varmuuskopiot sijaitsevat Suomessa, Koulusofta Oy:n sopimuskumppanin palvelinkeskuksessa.\n- Pääsy tietoihin on suojattu käyttäjätunnuksin, salasanoin ja monivaiheisella tunnistautumisella.\n- Tietoja näkevät vain Koulusofta Oy:n tukihenkilöt ja rekisterinpitäjän valtuuttamat henkilöt.\n- Tietoja käsittelevä henkilöstö on sitoutunut salassapitoon.",
    );
    t.str(
        "sv",
        "- Alla uppgifter och säkerhetskopiorna av dem finns i Finland, i ett datacenter hos Koulusofta Oy:s avtalspartner.\n- Åtkomsten till uppgifterna skyddas med användarnamn, lösenord och flerfaktorsautentisering.\n- Uppgifterna ses endast av Koulusofta Oy:s supportpersonal och av personer som den personuppgiftsansvarige har befullmäktigat.\n- Den personal som behandlar uppgifterna har tystnadsplikt.",
    );
    t.str(
        "en",
        "- All data and their backups are kept in Finland, in a data centre of Koulusofta Oy's contractual partner.\n- Access to the data is protected by usernames, passwords and multi-factor authentication.\n- Only Koulusofta Oy's support staff and people authorised by the controller can see the data.\n- The staff who handle the data are bound by confidentiality.",
    );
    t.line("");
    t.line("[[related]]");
    t.inline(
        "title",
        &[
            "Koulusofta Oy: tietosuoja",
            "Koulusofta Oy: dataskydd",
            "Koulusofta Oy: privacy",
        ],
    );
    t.str("url", "https://www.koulusofta.example/tietosuoja/");
    t.0
}

// --- Services ----------------------------------------------------------------------

struct Purpose {
    id: &'static str,
    basis: &'static str,
    description: Tri,
    /// Index into [`LAWS`], for `public-task` and `legal-obligation`.
    law: usize,
}

struct Category {
    id: &'static str,
    name: Tri,
    items: Tri,
    subjects: &'static [&'static str],
    purposes: &'static [&'static str],
}

struct Source {
    id: &'static str,
    name: Tri,
    kind: &'static str,
    description: Tri,
    categories: &'static [&'static str],
}

struct Recipient {
    id: &'static str,
    name: &'static str,
    role: &'static str,
    country: &'static str,
    categories: &'static [&'static str],
    purpose: Tri,
}

struct Role {
    id: &'static str,
    role: Tri,
    sees: Tri,
}

struct Theme {
    title: Tri,
    description: Tri,
    collected_from: &'static str,
    subjects: &'static [&'static str],
    purposes: &'static [Purpose],
    categories: &'static [Category],
    sources: &'static [Source],
    recipients: &'static [Recipient],
    roles: &'static [Role],
    /// Own storage periods (replacing the fragment's) for these categories.
    own_retention: Option<(&'static [&'static str], &'static str, Tri)>,
    /// A transfer outside the EEA: (recipient id, country).
    transfer: Option<(&'static str, &'static str)>,
    provision: (&'static str, Tri, Tri),
    cookies: Tri,
}

const LAWS: [Tri; 3] = [
    [
        "Laki, jonka nojalla rekisterinpitäjä järjestää opetusta, esimerkiksi perusopetuslaki (628/1998), lukiolaki (714/2018) tai laki ammatillisesta koulutuksesta (531/2017)",
        "Den lag enligt vilken den personuppgiftsansvarige ordnar undervisning, till exempel lagen om grundläggande utbildning (628/1998), gymnasielagen (714/2018) eller lagen om yrkesutbildning (531/2017)",
        "The act under which the controller provides teaching, for example the Basic Education Act (628/1998), the General Upper Secondary Schools Act (714/2018) or the Vocational Education and Training Act (531/2017)",
    ],
    [
        "Laki julkisen hallinnon tiedonhallinnasta (906/2019), 17 §: tietoaineistojen ja tietojärjestelmien tietoturvallisuus",
        "Lagen om informationshantering inom den offentliga förvaltningen (906/2019), 17 §: informationssäkerheten i datamaterial och informationssystem",
        "Act on Information Management in Public Administration (906/2019), section 17: security of data and information systems",
    ],
    [
        "Arkistolaki (831/1994) ja rekisterinpitäjän tiedonohjaussuunnitelma",
        "Arkivlagen (831/1994) och den personuppgiftsansvariges informationsstyrningsplan",
        "Archives Act (831/1994) and the controller's records management plan",
    ],
];

const SUBJECTS: [(&str, Tri, Tri); 3] = [
    (
        "pupils",
        [
            "Oppilaat ja opiskelijat",
            "Elever och studerande",
            "Pupils and students",
        ],
        [
            "Rekisterinpitäjän oppilaitosten oppilaat ja opiskelijat, joille on luotu käyttäjätunnus.",
            "Elever och studerande vid den personuppgiftsansvariges läroanstalter som har fått ett användarkonto.",
            "Pupils and students of the controller's schools who have been given a user account.",
        ],
    ),
    (
        "staff",
        [
            "Opettajat ja muu henkilökunta",
            "Lärare och annan personal",
            "Teachers and other staff",
        ],
        [
            "Rekisterinpitäjän oppilaitosten opettajat, rehtorit, koulusihteerit ja muu henkilökunta.",
            "Lärare, rektorer, skolsekreterare och annan personal vid den personuppgiftsansvariges läroanstalter.",
            "Teachers, head teachers, school secretaries and other staff of the controller's schools.",
        ],
    ),
    (
        "guardians",
        ["Huoltajat", "Vårdnadshavare", "Guardians"],
        [
            "Alaikäisten oppilaiden huoltajat, jotka käyttävät palvelua lapsensa koulunkäyntiin liittyen.",
            "Vårdnadshavare till minderåriga elever som använder tjänsten i frågor som gäller barnets skolgång.",
            "Guardians of pupils under 18 who use the service in matters of their child's schooling.",
        ],
    ),
];

/// Purposes, categories, sources and recipients every service has.
const SUPPORT: Purpose = Purpose {
    id: "support-and-security",
    basis: "legal-obligation",
    description: [
        "Palvelun ongelmatilanteiden selvittäminen, tietoturvan valvonta ja väärinkäytösten estäminen lokitietojen avulla.",
        "Utredning av problem i tjänsten, övervakning av informationssäkerheten och förebyggande av missbruk med hjälp av loggdata.",
        "Investigating problems in the service, monitoring information security and preventing misuse with the help of log data.",
    ],
    law: 1,
};

const LOG_DATA: Category = Category {
    id: "log-data",
    name: ["Lokitiedot", "Loggdata", "Log data"],
    items: [
        "Päätelaitteen IP-osoite, selaimen tunniste, kirjautumisten ja tapahtumien ajankohdat sekä tapahtuman tyyppi palvelun lokissa.",
        "Terminalens IP-adress, webbläsarens identifierare, tidpunkterna för inloggningar och händelser samt händelsens typ i tjänstens logg.",
        "The IP address of the device, the browser identifier, the times of logins and events and the type of each event in the service log.",
    ],
    subjects: &["pupils", "staff"],
    purposes: &["support-and-security"],
};

const USER_DEVICE: Source = Source {
    id: "user-device",
    name: [
        "Käyttäjän päätelaite",
        "Användarens terminal",
        "The user's device",
    ],
    kind: "data-subject",
    description: [
        "Lokitiedot syntyvät, kun käyttäjä käyttää palvelua.",
        "Loggdata uppstår när användaren använder tjänsten.",
        "Log data are created when the user uses the service.",
    ],
    categories: &["log-data"],
};

const VENDOR: Recipient = Recipient {
    id: "koulusofta",
    name: "Koulusofta Oy",
    role: "processor",
    country: "FI",
    categories: &[],
    purpose: [
        "Palvelun tuottaminen, ylläpito ja käyttäjätuki. Tietoja käsittelevät vain Koulusofta Oy:n nimetyt työntekijät.",
        "Tillhandahållande och underhåll av tjänsten samt användarstöd. Uppgifterna behandlas endast av Koulusofta Oy:s utsedda anställda.",
        "Running and maintaining the service and user support. Only Koulusofta Oy's designated employees process the data.",
    ],
};

const HOSTING: Recipient = Recipient {
    id: "datacentre",
    name: "Konesali Suomi Oy",
    role: "processor",
    country: "FI",
    categories: &[],
    purpose: [
        "Palvelinten ja varmuuskopioiden säilytys Suomessa sijaitsevassa konesalissa (Koulusofta Oy:n alihankkija).",
        "Förvaring av servrar och säkerhetskopior i ett datacenter i Finland (underleverantör till Koulusofta Oy).",
        "Hosting of the servers and backups in a data centre in Finland (a subcontractor of Koulusofta Oy).",
    ],
};

const SUPPORT_ROLE: Role = Role {
    id: "role-vendor-support",
    role: [
        "Koulusofta Oy:n tukihenkilöt",
        "Koulusofta Oy:s supportpersonal",
        "Koulusofta Oy's support staff",
    ],
    sees: [
        "Näkevät tiedot vain selvittäessään rekisterinpitäjän ilmoittamaa ongelmaa; jokainen katselu kirjataan lokiin.",
        "Ser uppgifterna endast när de utreder ett problem som den personuppgiftsansvarige har anmält; varje visning loggas.",
        "See the data only when investigating a problem reported by the controller; every view is logged.",
    ],
};

const THEMES: [Theme; 5] = [
    // 1. User management.
    Theme {
        title: ["Käyttäjähallinta", "Användarhantering", "User management"],
        description: [
            "Käyttäjähallinta on Koulusofta Oy:n palvelu, jolla rekisterinpitäjä luo ja ylläpitää oppilaiden, opiskelijoiden ja henkilökunnan käyttäjätunnuksia. Tunnuksilla kirjaudutaan koulun tietokoneisiin, langattomaan verkkoon ja muihin Koulusofta Oy:n palveluihin. Käyttäjätiedot siirretään palveluun oppilashallintojärjestelmästä ja henkilöstöhallinnon järjestelmästä, ja niitä päivitetään automaattisesti kerran vuorokaudessa.",
            "Användarhantering är en tjänst från Koulusofta Oy som den personuppgiftsansvarige använder för att skapa och underhålla användarkonton för elever, studerande och personal. Med kontona loggar man in på skolans datorer, i det trådlösa nätverket och i Koulusofta Oy:s andra tjänster. Användaruppgifterna överförs till tjänsten från elevadministrationssystemet och personaladministrationens system och uppdateras automatiskt en gång per dygn.",
            "User management is a service of Koulusofta Oy with which the controller creates and maintains the user accounts of pupils, students and staff. The accounts are used to log in to the school's computers, the wireless network and Koulusofta Oy's other services. User data are transferred to the service from the student administration system and the personnel system and updated automatically once a day.",
        ],
        collected_from: "both",
        subjects: &["pupils", "staff"],
        purposes: &[
            Purpose {
                id: "accounts",
                basis: "public-task",
                description: [
                    "Käyttäjätunnusten luominen, ylläpito ja poistaminen opetusta ja koulun hallintoa varten.",
                    "Att skapa, underhålla och radera användarkonton för undervisningen och skolans administration.",
                    "Creating, maintaining and deleting user accounts for teaching and the administration of the school.",
                ],
                law: 0,
            },
            Purpose {
                id: "groups",
                basis: "public-task",
                description: [
                    "Käyttäjien jakaminen kouluihin, luokkiin ja opetusryhmiin, jotta oikeat käyttäjät saavat pääsyn oikeisiin palveluihin ja materiaaleihin.",
                    "Att dela in användarna i skolor, klasser och undervisningsgrupper så att rätt användare får tillgång till rätt tjänster och material.",
                    "Assigning users to schools, classes and teaching groups so that the right users get access to the right services and materials.",
                ],
                law: 0,
            },
        ],
        categories: &[
            Category {
                id: "identity",
                name: [
                    "Henkilön perustiedot",
                    "Grunduppgifter om personen",
                    "Basic personal details",
                ],
                items: [
                    "- etu- ja sukunimi\n- koulu ja luokka tai opetusryhmä\n- rooli (oppilas, opettaja, muu henkilökunta)\n- äidinkieli",
                    "- för- och efternamn\n- skola och klass eller undervisningsgrupp\n- roll (elev, lärare, annan personal)\n- modersmål",
                    "- first name and surname\n- school and class or teaching group\n- role (pupil, teacher, other staff)\n- first language",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["accounts", "groups"],
            },
            Category {
                id: "account",
                name: ["Käyttäjätili", "Användarkonto", "User account"],
                items: [
                    "Käyttäjätunnus, salasanan tiiviste, sähköpostiosoite, tilin luonti- ja muutospäivät sekä tilin tila (käytössä tai lukittu).",
                    "Användarnamn, lösenordets hashvärde, e-postadress, datum då kontot skapades och ändrades samt kontots status (aktivt eller låst).",
                    "Username, password hash, email address, the dates the account was created and changed and its status (active or locked).",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["accounts"],
            },
            Category {
                id: "sis-identifiers",
                name: [
                    "Oppilashallinnon tunnisteet",
                    "Identifierare i elevadministrationen",
                    "Student administration identifiers",
                ],
                items: [
                    "Oppilashallintojärjestelmän oppijanumero ja henkilöstöhallinnon henkilönumero, joilla tiedot yhdistetään oikeaan henkilöön.",
                    "Elevadministrationssystemets elevnummer och personaladministrationens personnummer, med vilka uppgifterna kopplas till rätt person.",
                    "The learner number of the student administration system and the employee number of the personnel system, used to match records to the right person.",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["accounts"],
            },
        ],
        sources: &[Source {
            id: "student-admin",
            name: [
                "Oppilashallintojärjestelmä ja henkilöstöhallinnon järjestelmä",
                "Elevadministrationssystemet och personaladministrationens system",
                "The student administration system and the personnel system",
            ],
            kind: "register",
            description: [
                "Tiedot siirretään automaattisesti kerran vuorokaudessa rekisterinpitäjän järjestelmistä.",
                "Uppgifterna överförs automatiskt en gång per dygn från den personuppgiftsansvariges system.",
                "The data are transferred automatically once a day from the controller's systems.",
            ],
            categories: &["identity", "sis-identifiers"],
        }],
        recipients: &[Recipient {
            id: "mpass",
            name: "Opetushallitus (MPASSid)",
            role: "controller",
            country: "FI",
            categories: &["identity"],
            purpose: [
                "Kirjautuminen valtakunnallisiin opetuksen palveluihin MPASSid-tunnistuksella. Palvelu välittää vain kirjautumiseen tarvittavat tiedot.",
                "Inloggning i nationella tjänster för undervisningen med MPASSid-autentisering. Tjänsten förmedlar endast de uppgifter som behövs för inloggningen.",
                "Logging in to national education services with MPASSid authentication. The service passes on only the data needed to log in.",
            ],
        }],
        roles: &[
            Role {
                id: "role-admin",
                role: ["Pääkäyttäjät", "Huvudanvändare", "Administrators"],
                sees: [
                    "Rekisterinpitäjän nimeämät pääkäyttäjät näkevät ja muokkaavat kaikkien oman organisaationsa käyttäjien tietoja ja lokeja.",
                    "Huvudanvändare som den personuppgiftsansvarige har utsett ser och ändrar uppgifterna om alla användare i den egna organisationen samt loggarna.",
                    "Administrators appointed by the controller see and edit the data of all users of their organisation, and the logs.",
                ],
            },
            Role {
                id: "role-teachers",
                role: ["Opettajat", "Lärare", "Teachers"],
                sees: [
                    "Näkevät omien opetusryhmiensä oppilaiden nimet ja käyttäjätunnukset ja voivat vaihtaa oppilaan unohtuneen salasanan.",
                    "Ser namn och användarnamn för eleverna i sina egna undervisningsgrupper och kan byta en elevs bortglömda lösenord.",
                    "See the names and usernames of the pupils in their own teaching groups and can reset a pupil's forgotten password.",
                ],
            },
        ],
        own_retention: Some((
            &["identity", "account", "sis-identifiers"],
            "P6M",
            [
                "Käyttäjätili suljetaan, kun henkilö lähtee oppilaitoksesta, ja poistetaan kuuden kuukauden kuluttua sulkemisesta.",
                "Användarkontot stängs när personen lämnar läroanstalten och raderas sex månader efter att det stängdes.",
                "A user account is closed when the person leaves the institution and deleted six months after it was closed.",
            ],
        )),
        transfer: None,
        provision: (
            "statutory",
            [
                "Tiedot siirretään palveluun rekisterinpitäjän järjestelmistä osana opetuksen järjestämistä.",
                "Uppgifterna överförs till tjänsten från den personuppgiftsansvariges system som en del av undervisningen.",
                "The data are transferred to the service from the controller's systems as part of providing teaching.",
            ],
            [
                "Ilman näitä tietoja käyttäjätunnusta ei voi luoda eikä koulun tietojärjestelmiä voi käyttää.",
                "Utan dessa uppgifter kan inget användarkonto skapas och skolans informationssystem kan inte användas.",
                "Without these data no user account can be created and the school's information systems cannot be used.",
            ],
        ),
        cookies: [
            "Palvelu käyttää vain istunnon ylläpitoon välttämättömiä evästeitä.",
            "Tjänsten använder endast kakor som är nödvändiga för att upprätthålla sessionen.",
            "The service uses only cookies that are strictly necessary to keep the session.",
        ],
    },
    // 2. Learning platform, with a video service in the US.
    Theme {
        title: ["Oppimisalusta", "Lärplattform", "Learning platform"],
        description: [
            "Oppimisalusta on Koulusofta Oy:n verkkopalvelu, jossa opettajat julkaisevat tehtäviä ja materiaaleja ja oppilaat palauttavat töitään, keskustelevat ja saavat palautetta. Palveluun kirjaudutaan käyttäjähallinnan tunnuksilla. Palvelussa on videotuntien ominaisuus, joka toteutetaan yhdysvaltalaisen alihankkijan palvelulla.",
            "Lärplattformen är en webbtjänst från Koulusofta Oy där lärare publicerar uppgifter och material och elever lämnar in sina arbeten, diskuterar och får respons. Man loggar in i tjänsten med användarhanteringens konton. Tjänsten har en funktion för videolektioner som förverkligas med en amerikansk underleverantörs tjänst.",
            "The learning platform is a web service of Koulusofta Oy in which teachers publish assignments and materials and pupils hand in their work, discuss and receive feedback. Users log in with their user management accounts. The platform has a video lesson feature provided by a subcontractor in the United States.",
        ],
        collected_from: "both",
        subjects: &["pupils", "staff"],
        purposes: &[
            Purpose {
                id: "teaching",
                basis: "public-task",
                description: [
                    "Opetuksen järjestäminen verkossa: tehtävien jakaminen, palautusten vastaanottaminen ja palautteen antaminen.",
                    "Att ordna undervisning på nätet: dela ut uppgifter, ta emot inlämningar och ge respons.",
                    "Providing teaching online: handing out assignments, receiving submissions and giving feedback.",
                ],
                law: 0,
            },
            Purpose {
                id: "assessment",
                basis: "public-task",
                description: [
                    "Oppilaiden osaamisen arvioinnin tukeminen tallentamalla palautetut työt ja opettajan merkinnät.",
                    "Stöd för bedömningen av elevernas kunnande genom att inlämnade arbeten och lärarens anteckningar sparas.",
                    "Supporting the assessment of pupils' learning by keeping the work handed in and the teacher's notes.",
                ],
                law: 0,
            },
        ],
        categories: &[
            Category {
                id: "identity",
                name: [
                    "Nimi ja käyttäjätunnus",
                    "Namn och användarnamn",
                    "Name and username",
                ],
                items: [
                    "Etu- ja sukunimi, käyttäjätunnus, koulu, luokka ja opetusryhmät.",
                    "För- och efternamn, användarnamn, skola, klass och undervisningsgrupper.",
                    "First name and surname, username, school, class and teaching groups.",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["teaching", "assessment"],
            },
            Category {
                id: "coursework",
                name: [
                    "Tehtävät ja palautukset",
                    "Uppgifter och inlämningar",
                    "Assignments and submissions",
                ],
                items: [
                    "- oppilaan palauttamat työt ja tiedostot\n- keskusteluviestit\n- opettajan palaute ja arviointimerkinnät\n- palautusten ajankohdat",
                    "- arbeten och filer som eleven har lämnat in\n- diskussionsinlägg\n- lärarens respons och bedömningsanteckningar\n- tidpunkter för inlämningarna",
                    "- work and files handed in by the pupil\n- discussion messages\n- the teacher's feedback and assessment notes\n- the times of submissions",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["teaching", "assessment"],
            },
            Category {
                id: "video",
                name: ["Videotunnit", "Videolektioner", "Video lessons"],
                items: [
                    "Osallistujan nimi, liittymis- ja poistumisajat sekä tunnin aikana jaetut chat-viestit. Videotunteja ei tallenneta.",
                    "Deltagarens namn, tidpunkterna för anslutning och avslutning samt chattmeddelanden under lektionen. Videolektionerna spelas inte in.",
                    "The participant's name, the times of joining and leaving and the chat messages shared during the lesson. Video lessons are not recorded.",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["teaching"],
            },
        ],
        sources: &[
            Source {
                id: "user-management",
                name: ["Käyttäjähallinta", "Användarhanteringen", "User management"],
                kind: "register",
                description: [
                    "Nimi, käyttäjätunnus ja ryhmät välittyvät käyttäjähallinnasta kirjautumisen yhteydessä.",
                    "Namn, användarnamn och grupper förmedlas från användarhanteringen vid inloggningen.",
                    "Name, username and groups are passed on from user management at login.",
                ],
                categories: &["identity"],
            },
            Source {
                id: "users",
                name: [
                    "Käyttäjät itse",
                    "Användarna själva",
                    "The users themselves",
                ],
                kind: "data-subject",
                description: [
                    "Oppilaat ja opettajat tallentavat palautukset, viestit ja palautteen itse.",
                    "Elever och lärare sparar själva inlämningar, meddelanden och respons.",
                    "Pupils and teachers store submissions, messages and feedback themselves.",
                ],
                categories: &["coursework", "video"],
            },
        ],
        recipients: &[Recipient {
            id: "video-provider",
            name: "Videotunti Inc.",
            role: "processor",
            country: "US",
            categories: &["video"],
            purpose: [
                "Videotuntien välittäminen. Alihankkija käsittelee tietoja vain tunnin ajan eikä tallenna niitä.",
                "Förmedling av videolektionerna. Underleverantören behandlar uppgifterna endast under lektionen och sparar dem inte.",
                "Carrying the video lessons. The subcontractor processes the data only during the lesson and does not store them.",
            ],
        }],
        roles: &[
            Role {
                id: "role-teachers",
                role: ["Opettajat", "Lärare", "Teachers"],
                sees: [
                    "Näkevät omien kurssiensa oppilaiden palautukset, viestit ja arviointimerkinnät.",
                    "Ser inlämningar, meddelanden och bedömningsanteckningar för eleverna på sina egna kurser.",
                    "See the submissions, messages and assessment notes of the pupils on their own courses.",
                ],
            },
            Role {
                id: "role-pupils",
                role: ["Oppilaat", "Elever", "Pupils"],
                sees: [
                    "Näkevät omat palautuksensa ja saamansa palautteen sekä kurssin yhteiset keskustelut.",
                    "Ser sina egna inlämningar och den respons de har fått samt kursens gemensamma diskussioner.",
                    "See their own submissions and the feedback they received, and the course's shared discussions.",
                ],
            },
        ],
        own_retention: Some((
            &["identity", "coursework", "video"],
            "P1Y",
            [
                "Kurssin tiedot poistetaan vuoden kuluttua kurssin päättymisestä. Arvioinnin perusteena olevat työt säilytetään tätä kauemmin vain, jos rekisterinpitäjän tiedonohjaussuunnitelma sitä edellyttää.",
                "Kursens uppgifter raderas ett år efter att kursen har avslutats. Arbeten som ligger till grund för bedömningen sparas längre endast om den personuppgiftsansvariges informationsstyrningsplan kräver det.",
                "Course data are deleted one year after the course has ended. Work on which assessment is based is kept longer only where the controller's records management plan requires it.",
            ],
        )),
        transfer: Some(("video-provider", "US")),
        provision: (
            "mixed",
            [
                "Nimi ja ryhmät välittyvät automaattisesti. Tehtävien palauttaminen kuuluu opiskeluun silloin, kun opettaja käyttää palvelua opetuksessa.",
                "Namn och grupper förmedlas automatiskt. Att lämna in uppgifter hör till studierna när läraren använder tjänsten i undervisningen.",
                "Names and groups are passed on automatically. Handing in assignments is part of studying where the teacher uses the service in teaching.",
            ],
            [
                "Ilman näitä tietoja oppilas ei voi osallistua verkossa annettavaan opetukseen, ja tehtävät on palautettava muulla tavoin.",
                "Utan dessa uppgifter kan eleven inte delta i undervisningen på nätet, och uppgifterna måste lämnas in på annat sätt.",
                "Without these data the pupil cannot take part in the online teaching and assignments must be handed in another way.",
            ],
        ),
        cookies: [
            "Palvelu käyttää istunnon ylläpitoon välttämättömiä evästeitä sekä kieliasetuksen tallentavaa evästettä.",
            "Tjänsten använder kakor som är nödvändiga för att upprätthålla sessionen och en kaka som sparar språkinställningen.",
            "The service uses cookies that are strictly necessary to keep the session and one cookie that stores the language setting.",
        ],
    },
    // 3. Home-school messaging.
    Theme {
        title: [
            "Kodin ja koulun viestintä",
            "Kommunikation mellan hem och skola",
            "Home-school messaging",
        ],
        description: [
            "Viestintäpalvelulla koulu ja huoltajat lähettävät toisilleen viestejä, tiedotteita ja poissaoloilmoituksia. Palvelu lähettää ilmoituksen uudesta viestistä sähköpostilla tai mobiilisovelluksen kautta. Huoltajien yhteystiedot saadaan oppilashallintojärjestelmästä, ja huoltaja voi itse päivittää ilmoitusasetuksensa.",
            "Med kommunikationstjänsten skickar skolan och vårdnadshavarna meddelanden, meddelanden till alla och frånvaroanmälningar till varandra. Tjänsten meddelar om nya meddelanden per e-post eller via mobilappen. Vårdnadshavarnas kontaktuppgifter fås från elevadministrationssystemet, och vårdnadshavaren kan själv uppdatera sina aviseringsinställningar.",
            "With the messaging service the school and guardians send each other messages, announcements and absence notifications. The service notifies users of new messages by email or through the mobile app. Guardians' contact details come from the student administration system, and guardians can update their notification settings themselves.",
        ],
        collected_from: "both",
        subjects: &["pupils", "staff", "guardians"],
        purposes: &[
            Purpose {
                id: "messaging",
                basis: "public-task",
                description: [
                    "Koulun ja kodin välinen yhteydenpito oppilaan koulunkäyntiin liittyvissä asioissa.",
                    "Kontakten mellan skolan och hemmet i frågor som gäller elevens skolgång.",
                    "Communication between school and home in matters of the pupil's schooling.",
                ],
                law: 0,
            },
            Purpose {
                id: "absences",
                basis: "legal-obligation",
                description: [
                    "Poissaolojen ilmoittaminen ja seuraaminen oppivelvollisuuden valvontaa varten.",
                    "Anmälan och uppföljning av frånvaro för att övervaka läroplikten.",
                    "Reporting and following up absences to supervise compulsory education.",
                ],
                law: 0,
            },
            Purpose {
                id: "archiving",
                basis: "legal-obligation",
                description: [
                    "Asiakirjoiksi katsottavien viestien säilyttäminen rekisterinpitäjän arkistoa varten.",
                    "Att spara meddelanden som utgör handlingar för den personuppgiftsansvariges arkiv.",
                    "Keeping messages that count as records for the controller's archive.",
                ],
                law: 2,
            },
        ],
        categories: &[
            Category {
                id: "contact",
                name: ["Yhteystiedot", "Kontaktuppgifter", "Contact details"],
                items: [
                    "Nimi, sähköpostiosoite, puhelinnumero sekä tieto siitä, kenen oppilaan huoltaja henkilö on.",
                    "Namn, e-postadress, telefonnummer och uppgift om vilken elevs vårdnadshavare personen är.",
                    "Name, email address, telephone number and which pupil the person is a guardian of.",
                ],
                subjects: &["pupils", "staff", "guardians"],
                purposes: &["messaging", "absences"],
            },
            Category {
                id: "messages",
                name: ["Viestit", "Meddelanden", "Messages"],
                items: [
                    "Viestien sisältö, liitteet, lähettäjä, vastaanottajat ja lukukuittaukset.",
                    "Meddelandenas innehåll, bilagor, avsändare, mottagare och läskvitton.",
                    "The content of messages, attachments, sender, recipients and read receipts.",
                ],
                subjects: &["pupils", "staff", "guardians"],
                purposes: &["messaging", "archiving"],
            },
            Category {
                id: "absence-records",
                name: ["Poissaolot", "Frånvaro", "Absences"],
                items: [
                    "Poissaolon ajankohta, syy sellaisena kuin huoltaja sen ilmoittaa, ja opettajan merkinnät.",
                    "Tidpunkten för frånvaron, orsaken så som vårdnadshavaren anger den och lärarens anteckningar.",
                    "The time of the absence, the reason as given by the guardian and the teacher's notes.",
                ],
                subjects: &["pupils", "guardians"],
                purposes: &["absences"],
            },
        ],
        sources: &[
            Source {
                id: "student-admin",
                name: [
                    "Oppilashallintojärjestelmä",
                    "Elevadministrationssystemet",
                    "The student administration system",
                ],
                kind: "register",
                description: [
                    "Oppilaiden, huoltajien ja henkilökunnan yhteystiedot siirretään palveluun kerran vuorokaudessa.",
                    "Kontaktuppgifterna för elever, vårdnadshavare och personal överförs till tjänsten en gång per dygn.",
                    "The contact details of pupils, guardians and staff are transferred to the service once a day.",
                ],
                categories: &["contact"],
            },
            Source {
                id: "users",
                name: [
                    "Käyttäjät itse",
                    "Användarna själva",
                    "The users themselves",
                ],
                kind: "data-subject",
                description: [
                    "Viestit ja poissaoloilmoitukset ovat käyttäjien itse kirjoittamia.",
                    "Meddelandena och frånvaroanmälningarna skrivs av användarna själva.",
                    "Messages and absence notifications are written by the users themselves.",
                ],
                categories: &["messages", "absence-records"],
            },
        ],
        recipients: &[Recipient {
            id: "push-service",
            name: "Viestinvälitys Nordic Oy",
            role: "processor",
            country: "SE",
            categories: &["contact"],
            purpose: [
                "Ilmoitusten välittäminen mobiilisovellukseen ja sähköpostiin. Viestien sisältöä ei välitetä.",
                "Förmedling av aviseringar till mobilappen och till e-post. Meddelandenas innehåll förmedlas inte.",
                "Delivering notifications to the mobile app and by email. The content of messages is not passed on.",
            ],
        }],
        roles: &[
            Role {
                id: "role-teachers",
                role: ["Opettajat", "Lärare", "Teachers"],
                sees: [
                    "Näkevät omien oppilaidensa ja näiden huoltajien yhteystiedot sekä omat viestinsä ja poissaolomerkinnät.",
                    "Ser kontaktuppgifterna för sina egna elever och deras vårdnadshavare samt sina egna meddelanden och frånvaroanteckningar.",
                    "See the contact details of their own pupils and their guardians, their own messages and absence records.",
                ],
            },
            Role {
                id: "role-guardians",
                role: ["Huoltajat", "Vårdnadshavare", "Guardians"],
                sees: [
                    "Näkevät oman lapsensa opettajien yhteystiedot, omat viestinsä ja lapsensa poissaolot.",
                    "Ser kontaktuppgifterna till sitt barns lärare, sina egna meddelanden och barnets frånvaro.",
                    "See the contact details of their child's teachers, their own messages and their child's absences.",
                ],
            },
        ],
        own_retention: None,
        transfer: None,
        provision: (
            "statutory",
            [
                "Yhteystiedot saadaan oppilashallintojärjestelmästä. Poissaolojen ilmoittaminen on huoltajan lakisääteinen velvollisuus.",
                "Kontaktuppgifterna fås från elevadministrationssystemet. Att anmäla frånvaro är vårdnadshavarens lagstadgade skyldighet.",
                "Contact details come from the student administration system. Reporting absences is a statutory duty of guardians.",
            ],
            [
                "Ilman yhteystietoja koulu ei voi tavoittaa huoltajaa palvelun kautta.",
                "Utan kontaktuppgifter kan skolan inte nå vårdnadshavaren via tjänsten.",
                "Without contact details the school cannot reach the guardian through the service.",
            ],
        ),
        cookies: [
            "Palvelu ja mobiilisovellus käyttävät vain kirjautumisen ylläpitoon välttämättömiä evästeitä ja tunnisteita.",
            "Tjänsten och mobilappen använder endast kakor och identifierare som är nödvändiga för att upprätthålla inloggningen.",
            "The service and the mobile app use only cookies and identifiers that are strictly necessary to keep the login.",
        ],
    },
    // 4. Exam distribution.
    Theme {
        title: ["Koejakelu", "Provdistribution", "Exam distribution"],
        description: [
            "Koejakelu on Koulusofta Oy:n palvelu, jolla koulut jakavat sähköisiä kokeita koepalvelimille ja keräävät oppilaiden vastaukset arvioitaviksi. Palvelua käyttävät opettajat ja koulujen tietohallinto; oppilaat eivät kirjaudu palveluun, mutta heidän vastauksensa käsitellään siinä.",
            "Provdistribution är en tjänst från Koulusofta Oy med vilken skolor distribuerar elektroniska prov till provservrar och samlar in elevernas svar för bedömning. Tjänsten används av lärare och skolornas IT-förvaltning; eleverna loggar inte in i tjänsten, men deras svar behandlas i den.",
            "Exam distribution is a service of Koulusofta Oy with which schools distribute electronic exams to exam servers and collect pupils' answers for assessment. It is used by teachers and the schools' IT administration; pupils do not log in, but their answers are processed in it.",
        ],
        collected_from: "both",
        subjects: &["pupils", "staff"],
        purposes: &[
            Purpose {
                id: "exams",
                basis: "public-task",
                description: [
                    "Sähköisten kokeiden järjestäminen ja vastausten toimittaminen opettajalle arvioitavaksi.",
                    "Att ordna elektroniska prov och leverera svaren till läraren för bedömning.",
                    "Holding electronic exams and delivering the answers to the teacher for assessment.",
                ],
                law: 0,
            },
            Purpose {
                id: "access-control",
                basis: "public-task",
                description: [
                    "Palvelun käyttöoikeuden varmistaminen kirjautumisen yhteydessä saatavien organisaatiotietojen perusteella.",
                    "Kontroll av rätten att använda tjänsten utifrån de organisationsuppgifter som fås vid inloggningen.",
                    "Checking the right to use the service from the organisation details received at login.",
                ],
                law: 1,
            },
        ],
        categories: &[
            Category {
                id: "username",
                name: ["Käyttäjänimi", "Användarnamn", "Username"],
                items: [
                    "Käyttäjänimi, jolla opettaja on kirjautunut, sekä koulu ja käyttäjäryhmä.",
                    "Användarnamnet som läraren har loggat in med samt skola och användargrupp.",
                    "The username the teacher logged in with, and the school and user group.",
                ],
                subjects: &["staff"],
                purposes: &["access-control", "exams"],
            },
            Category {
                id: "answers",
                name: ["Koevastaukset", "Provsvar", "Exam answers"],
                items: [
                    "- oppilaan nimi ja opetusryhmä\n- kokeen vastaukset ja liitetiedostot\n- vastausten tallennusajat\n- opettajan pisteet ja kommentit",
                    "- elevens namn och undervisningsgrupp\n- provsvaren och bifogade filer\n- tidpunkterna då svaren sparades\n- lärarens poäng och kommentarer",
                    "- the pupil's name and teaching group\n- the exam answers and attached files\n- the times the answers were saved\n- the teacher's points and comments",
                ],
                subjects: &["pupils"],
                purposes: &["exams"],
            },
        ],
        sources: &[
            Source {
                id: "login-systems",
                name: [
                    "Organisaation kirjautumisjärjestelmä",
                    "Organisationens inloggningssystem",
                    "The organisation's login system",
                ],
                kind: "register",
                description: [
                    "Tiedot välittyvät palveluun, kun käyttäjä kirjautuu henkilökohtaisilla tunnuksillaan.",
                    "Uppgifterna förmedlas till tjänsten när användaren loggar in med sina personliga inloggningsuppgifter.",
                    "The data reach the service when users log in with their personal credentials.",
                ],
                categories: &["username"],
            },
            Source {
                id: "exam-servers",
                name: [
                    "Koulun koepalvelimet",
                    "Skolans provservrar",
                    "The school's exam servers",
                ],
                kind: "organisation",
                description: [
                    "Oppilaiden vastaukset siirretään koepalvelimelta palveluun kokeen päätyttyä.",
                    "Elevernas svar överförs från provservern till tjänsten när provet har avslutats.",
                    "Pupils' answers are transferred from the exam server to the service after the exam.",
                ],
                categories: &["answers"],
            },
        ],
        recipients: &[],
        roles: &[Role {
            id: "role-teachers",
            role: ["Opettajat", "Lärare", "Teachers"],
            sees: [
                "Näkevät omien kokeidensa vastaukset ja voivat antaa niille pisteitä ja kommentteja.",
                "Ser svaren på sina egna prov och kan ge dem poäng och kommentarer.",
                "See the answers to their own exams and can give them points and comments.",
            ],
        }],
        own_retention: None,
        transfer: None,
        provision: (
            "mixed",
            [
                "Opettajan tiedot välittyvät automaattisesti kirjautumisen yhteydessä; kokeeseen osallistuminen kuuluu opiskeluun.",
                "Lärarens uppgifter förmedlas automatiskt vid inloggningen; att delta i provet hör till studierna.",
                "The teacher's data are passed on automatically at login; taking the exam is part of studying.",
            ],
            [
                "Ilman näitä tietoja sähköistä koetta ei voi järjestää eikä arvioida.",
                "Utan dessa uppgifter kan det elektroniska provet inte ordnas eller bedömas.",
                "Without these data the electronic exam cannot be held or assessed.",
            ],
        ),
        cookies: [
            "Palvelu käyttää vain välttämättömiä teknisiä evästeitä istunnon ylläpitämiseen.",
            "Tjänsten använder endast nödvändiga tekniska kakor för att upprätthålla sessionen.",
            "The service uses only strictly necessary technical cookies to keep the session.",
        ],
    },
    // 5. School library.
    Theme {
        title: ["Koulukirjasto", "Skolbibliotek", "School library"],
        description: [
            "Koulukirjasto on Koulusofta Oy:n kirjastojärjestelmä, jolla koulut lainaavat kirjoja, oppikirjoja ja laitteita oppilaille ja henkilökunnalle. Järjestelmä pitää kirjaa lainoista, varauksista ja myöhästymisistä ja lähettää palautusmuistutukset. Lukudiplomit ja lukuhaasteet voidaan kirjata järjestelmään oppilaan suostumuksella.",
            "Skolbiblioteket är Koulusofta Oy:s bibliotekssystem med vilket skolor lånar ut böcker, läroböcker och apparater till elever och personal. Systemet håller reda på lån, reservationer och förseningar och skickar påminnelser om återlämning. Läsdiplom och läsutmaningar kan registreras i systemet med elevens samtycke.",
            "The school library is Koulusofta Oy's library system with which schools lend books, textbooks and devices to pupils and staff. It keeps track of loans, reservations and overdue items and sends return reminders. Reading diplomas and reading challenges can be recorded with the pupil's consent.",
        ],
        collected_from: "both",
        subjects: &["pupils", "staff"],
        purposes: &[
            Purpose {
                id: "lending",
                basis: "public-task",
                description: [
                    "Kirjojen, oppikirjojen ja laitteiden lainaaminen ja lainojen seuraaminen.",
                    "Utlåning av böcker, läroböcker och apparater samt uppföljning av lånen.",
                    "Lending books, textbooks and devices and keeping track of the loans.",
                ],
                law: 0,
            },
            Purpose {
                id: "reading-diploma",
                basis: "consent",
                description: [
                    "Luettujen kirjojen kirjaaminen lukudiplomia ja lukuhaasteita varten.",
                    "Registrering av lästa böcker för läsdiplom och läsutmaningar.",
                    "Recording the books read for reading diplomas and reading challenges.",
                ],
                law: 0,
            },
        ],
        categories: &[
            Category {
                id: "borrower",
                name: [
                    "Lainaajan tiedot",
                    "Uppgifter om låntagaren",
                    "Borrower details",
                ],
                items: [
                    "Nimi, koulu, luokka, käyttäjätunnus ja kirjastokortin numero.",
                    "Namn, skola, klass, användarnamn och bibliotekskortets nummer.",
                    "Name, school, class, username and library card number.",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["lending"],
            },
            Category {
                id: "loans",
                name: ["Lainat", "Lån", "Loans"],
                items: [
                    "Lainatut niteet ja laitteet, laina- ja eräpäivät, varaukset ja palautusmuistutukset.",
                    "Lånade exemplar och apparater, lånedatum och förfallodagar, reservationer och påminnelser.",
                    "Items and devices on loan, loan and due dates, reservations and return reminders.",
                ],
                subjects: &["pupils", "staff"],
                purposes: &["lending"],
            },
            Category {
                id: "reading-history",
                name: ["Lukuhistoria", "Läshistorik", "Reading history"],
                items: [
                    "Lukudiplomia varten kirjatut luetut kirjat ja suoritukset.",
                    "Lästa böcker och prestationer som har registrerats för läsdiplomet.",
                    "Books read and achievements recorded for the reading diploma.",
                ],
                subjects: &["pupils"],
                purposes: &["reading-diploma"],
            },
        ],
        sources: &[
            Source {
                id: "user-management",
                name: ["Käyttäjähallinta", "Användarhanteringen", "User management"],
                kind: "register",
                description: [
                    "Lainaajan perustiedot saadaan käyttäjähallinnasta.",
                    "Låntagarens grunduppgifter fås från användarhanteringen.",
                    "The borrower's basic details come from user management.",
                ],
                categories: &["borrower"],
            },
            Source {
                id: "library-staff",
                name: [
                    "Kirjaston henkilökunta",
                    "Bibliotekets personal",
                    "Library staff",
                ],
                kind: "organisation",
                description: [
                    "Lainat ja palautukset kirjaa koulun kirjastonhoitaja tai opettaja.",
                    "Lån och återlämningar registreras av skolans bibliotekarie eller en lärare.",
                    "Loans and returns are recorded by the school librarian or a teacher.",
                ],
                categories: &["loans"],
            },
            Source {
                id: "pupils-themselves",
                name: ["Oppilaat itse", "Eleverna själva", "The pupils themselves"],
                kind: "data-subject",
                description: [
                    "Oppilas kirjaa lukemansa kirjat itse.",
                    "Eleven registrerar själv de böcker hen har läst.",
                    "Pupils record the books they have read themselves.",
                ],
                categories: &["reading-history"],
            },
        ],
        recipients: &[],
        roles: &[Role {
            id: "role-librarians",
            role: [
                "Kirjastonhoitajat ja opettajat",
                "Bibliotekarier och lärare",
                "Librarians and teachers",
            ],
            sees: [
                "Näkevät oman koulunsa lainaajien tiedot ja lainat; lukuhistorian näkee vain oppilaan oma opettaja.",
                "Ser uppgifterna om låntagarna och lånen vid den egna skolan; läshistoriken ser endast elevens egen lärare.",
                "See the borrowers and loans of their own school; only the pupil's own teacher sees the reading history.",
            ],
        }],
        own_retention: None,
        transfer: None,
        provision: (
            "mixed",
            [
                "Lainaajan tiedot tarvitaan lainaamiseen. Lukuhistorian kirjaaminen on vapaaehtoista.",
                "Låntagarens uppgifter behövs för utlåningen. Att registrera läshistoriken är frivilligt.",
                "Borrower details are needed to lend items. Recording the reading history is voluntary.",
            ],
            [
                "Ilman lainaajan tietoja lainaaminen ei ole mahdollista; lukuhistorian puuttuminen ei vaikuta lainaamiseen.",
                "Utan låntagarens uppgifter är utlåning inte möjlig; att läshistoriken saknas påverkar inte utlåningen.",
                "Without borrower details no items can be lent; leaving out the reading history does not affect lending.",
            ],
        ),
        cookies: [
            "Palvelu käyttää vain välttämättömiä teknisiä evästeitä istunnon ylläpitämiseen.",
            "Tjänsten använder endast nödvändiga tekniska kakor för att upprätthålla sessionen.",
            "The service uses only strictly necessary technical cookies to keep the session.",
        ],
    },
];

const CONSENT_WITHDRAWAL: Tri = [
    "Suostumuksen voi perua milloin tahansa ilmoittamalla siitä opettajalle tai kirjastonhoitajalle; kirjattu lukuhistoria poistetaan viikon kuluessa.",
    "Samtycket kan återkallas när som helst genom att meddela läraren eller bibliotekarien; den registrerade läshistoriken raderas inom en vecka.",
    "Consent can be withdrawn at any time by telling the teacher or librarian; the recorded reading history is deleted within a week.",
];

fn service(i: usize, theme: &Theme) -> String {
    let mut t = Toml::new();
    // A second round of the five kinds gets a numbered title.
    let round = (i - 1) / THEMES.len();
    let title = |s: &str| {
        if round == 0 {
            s.to_string()
        } else {
            format!("{s} {}", round + 1)
        }
    };
    let _ = writeln!(
        t.0,
        "# Service {i}: {} (synthetic, for benchmarks).",
        theme.title[2]
    );
    t.line("# The controller is each customer; shared parts come from vendor-common.");
    t.line("");
    t.str("id", &format!("service-{i}"));
    t.str("extends", "vendor-common");
    t.str("controller", "customer");
    t.tri_owned("title", theme.title.map(title));
    let _ = writeln!(t.0, "version = \"{}.{}\"", 1 + i % 3, i % 7);
    let _ = writeln!(
        t.0,
        "updated = 2026-{:02}-{:02}",
        1 + i % 11,
        1 + (i * 7) % 28
    );
    t.ids("languages", &LANGS);
    t.str("collected_from", theme.collected_from);
    t.str("supervisory_authority", "FI");
    t.tri("description", &theme.description);

    for p in theme.purposes.iter().chain([&SUPPORT]) {
        t.line("");
        t.line("[[purposes]]");
        t.str("id", p.id);
        t.str("legal_basis", p.basis);
        t.tri("description", &p.description);
        match p.basis {
            "consent" => t.tri("withdrawal", &CONSENT_WITHDRAWAL),
            _ => t.tri("law", &LAWS[p.law]),
        }
    }

    for id in theme.subjects {
        let (sid, name, description) = SUBJECTS.iter().find(|s| s.0 == *id).expect("subject");
        t.line("");
        t.line("[[data_subjects]]");
        t.str("id", sid);
        t.inline("name", name);
        t.tri("description", description);
    }

    for c in theme.categories.iter().chain([&LOG_DATA]) {
        t.line("");
        t.line("[[data_categories]]");
        t.str("id", c.id);
        t.inline("name", &c.name);
        let subjects: Vec<&str> = c
            .subjects
            .iter()
            .copied()
            .filter(|s| theme.subjects.contains(s))
            .collect();
        t.ids("subjects", &subjects);
        t.ids("purposes", c.purposes);
        t.tri("items", &c.items);
    }

    for s in theme.sources.iter().chain([&USER_DEVICE]) {
        t.line("");
        t.line("[[sources]]");
        t.str("id", s.id);
        t.inline("name", &s.name);
        t.str("kind", s.kind);
        t.ids("categories", s.categories);
        t.tri("description", &s.description);
    }

    let all_categories: Vec<&str> = theme
        .categories
        .iter()
        .map(|c| c.id)
        .chain([LOG_DATA.id])
        .collect();
    for r in [&VENDOR, &HOSTING].into_iter().chain(theme.recipients) {
        t.line("");
        t.line("[[recipients]]");
        t.str("id", r.id);
        t.str("name", r.name);
        t.str("role", r.role);
        t.str("country", r.country);
        t.ids(
            "categories",
            if r.categories.is_empty() {
                &all_categories
            } else {
                r.categories
            },
        );
        t.tri("purpose", &r.purpose);
    }

    if let Some((recipient, country)) = theme.transfer {
        t.line("");
        t.line("[[transfers]]");
        t.str("id", "video-to-us");
        t.str("recipient", recipient);
        t.str("country", country);
        t.str("mechanism", "standard-contractual-clauses");
        t.tri(
            "safeguard_copy",
            &[
                "Jäljennöksen vakiosopimuslausekkeista saa rekisterinpitäjän tietosuojavastaavalta.",
                "En kopia av standardavtalsklausulerna kan fås av den personuppgiftsansvariges dataskyddsombud.",
                "A copy of the standard contractual clauses is available from the controller's data protection officer.",
            ],
        );
        t.tri(
            "description",
            &[
                "Videotuntien tiedot kulkevat alihankkijan Yhdysvalloissa sijaitsevien palvelinten kautta tunnin ajan.",
                "Uppgifterna om videolektionerna går via underleverantörens servrar i USA under lektionen.",
                "Video lesson data pass through the subcontractor's servers in the United States during the lesson.",
            ],
        );
    }

    // A notice that writes `retention` replaces the fragment's entries, so
    // it repeats the log rule.
    if let Some((applies_to, period, rule)) = &theme.own_retention {
        t.line("");
        t.line("[[retention]]");
        t.str("id", "keep-accounts");
        t.ids("applies_to", applies_to);
        t.str("period", period);
        t.tri("rule", rule);
        t.line("");
        t.line("[[retention]]");
        t.str("id", "keep-logs");
        t.ids("applies_to", &["log-data"]);
        t.str("period", "P2Y");
        t.tri(
            "rule",
            &[
                "Lokitiedot poistetaan viimeistään kahden vuoden kuluttua niiden syntymisestä.",
                "Loggdata raderas senast två år efter att de uppstod.",
                "Log data are deleted at the latest two years after they were created.",
            ],
        );
    }

    t.line("");
    t.line("[provision]");
    t.str("requirement", theme.provision.0);
    t.tri("description", &theme.provision.1);
    t.tri("consequences", &theme.provision.2);

    t.line("");
    t.line("[cookies]");
    for (lang, text) in LANGS.iter().zip(&theme.cookies) {
        t.str(lang, text);
    }

    for r in theme.roles.iter().chain([&SUPPORT_ROLE]) {
        t.line("");
        t.line("[[access_roles]]");
        t.str("id", r.id);
        t.inline("role", &r.role);
        t.tri("sees", &r.sees);
    }
    t.0
}

// --- Customers ---------------------------------------------------------------------

/// Place names: a first part and an ending, combined by the customer number.
const STEMS: [&str; 24] = [
    "Koivu", "Lumi", "Kivi", "Järvi", "Mänty", "Haapa", "Kuusi", "Leppä", "Pihlaja", "Saari",
    "Niemi", "Lahti", "Vaara", "Kangas", "Suo", "Ranta", "Mäki", "Laakso", "Salo", "Joki", "Honka",
    "Tammi", "Vaahtera", "Pajula",
];
const ENDINGS: [&str; 13] = [
    "lahti", "joki", "mäki", "niemi", "vaara", "salmi", "harju", "koski", "lampi", "saari", "kylä",
    "vesi", "ranta",
];
const SV_STEMS: [&str; 12] = [
    "Björk", "Sten", "Sjö", "Tall", "Asp", "Gran", "Al", "Rönn", "Holm", "Ek", "Lind", "Hav",
];
const SV_ENDINGS: [&str; 6] = ["vik", "by", "å", "näs", "holm", "fors"];
const COLOURS: [&str; 10] = [
    "#005a9c", "#1b5e20", "#8e2433", "#004d61", "#5b2c83", "#7a4a00", "#00526b", "#3c3c3c",
    "#0b6e4f", "#9c2a00",
];

/// What kind of organisation a customer is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Municipality,
    SwedishMunicipality,
    JointAuthority,
    University,
    PrivateSchool,
}

fn kind(i: usize) -> Kind {
    match i % 20 {
        0 | 10 => Kind::SwedishMunicipality,
        3 | 13 => Kind::JointAuthority,
        7 => Kind::University,
        17 => Kind::PrivateSchool,
        _ => Kind::Municipality,
    }
}

/// A place name for customer `i`, distinct for the first 24 x 13 customers.
fn place(i: usize) -> String {
    let stem = STEMS[i % STEMS.len()];
    let ending = ENDINGS[(i / STEMS.len()) % ENDINGS.len()];
    let round = i / (STEMS.len() * ENDINGS.len());
    let name = format!("{stem}{ending}");
    if round == 0 {
        name
    } else {
        format!("{name} {}", round + 1)
    }
}

fn sv_place(i: usize) -> String {
    format!(
        "{}{}",
        SV_STEMS[i % SV_STEMS.len()],
        SV_ENDINGS[(i / SV_STEMS.len()) % SV_ENDINGS.len()]
    )
}

/// `Koivulahti 2` -> `koivulahti2`, for mail domains.
fn slug(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'ä' => Some('a'),
            'ö' => Some('o'),
            'å' => Some('a'),
            ' ' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect()
}

/// A small deterministic generator for the choices that need no pattern.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A customer's logo: a coat of arms and a wordmark, about 1 KB of SVG.
/// The wordmark is outlined (one bar per letter of the name), as logo files
/// are: seloste refuses SVG text, which it cannot publish without fonts.
fn logo(name: &str, colour: &str) -> String {
    let letters: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(16)
        .enumerate()
        .map(|(i, c)| {
            let height = 10 + (c as u32 % 8);
            format!("M{} {}h8v{height}h-8z", 46 + i * 11, 34 - height)
        })
        .collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="48" viewBox="0 0 240 48">
  <title>{name}</title>
  <path d="M4 4h32v22c0 10-8 16-16 19C12 42 4 36 4 26z" fill="{colour}"/>
  <path d="M10 12h20v4H10zm0 8h20v4H10zm4 8h12l-6 8z" fill="#ffffff"/>
  <path d="{letters}" fill="{colour}"/>
</svg>
"##
    )
}

/// The customer file of customer `i` and its logo, if it has one.
fn customer(i: usize, services: usize) -> (String, Option<String>) {
    let mut rng = Lcg(i as u64 * 0x9e37_79b9 + 17);
    let kind = kind(i);
    let fi_place = place(i);
    let sv_place = sv_place(i);
    let domain = format!("{}.example", slug(&fi_place));
    let mut t = Toml::new();
    let what = match kind {
        Kind::Municipality => "a Finnish-speaking municipality",
        Kind::SwedishMunicipality => "a Swedish-speaking municipality (sv first)",
        Kind::JointAuthority => "a joint municipal authority for vocational education",
        Kind::University => "a university of applied sciences",
        Kind::PrivateSchool => "a private school (not a public authority)",
    };
    let _ = writeln!(t.0, "# Customer {i}: {what} (synthetic, for benchmarks).");
    t.line("");
    t.str("id", &format!("customer-{i:04}"));
    if kind == Kind::SwedishMunicipality {
        t.ids("languages", &["sv", "fi", "en"]);
    } else {
        t.ids("languages", &LANGS);
    }
    t.str("supervisory_authority", "FI");
    // Every customer uses every service; the order varies.
    let mut ids = service_ids(services);
    ids.rotate_left(i % services);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    t.ids("services", &ids);

    t.line("");
    t.line("[controller]");
    let (fi, sv, en) = match kind {
        Kind::Municipality => (
            format!("{fi_place} – sivistystoimi"),
            format!("{fi_place} – bildningsväsendet"),
            format!("{fi_place} – education services"),
        ),
        Kind::SwedishMunicipality => (
            format!("{sv_place} – sivistystoimi"),
            format!("{sv_place} – bildningsväsendet"),
            format!("{sv_place} – education services"),
        ),
        Kind::JointAuthority => (
            format!("Koulutuskuntayhtymä {fi_place}"),
            format!("Samkommunen för utbildning {fi_place}"),
            format!("{fi_place} Joint Authority for Education"),
        ),
        Kind::University => (
            format!("Ammattikorkeakoulu {fi_place}"),
            format!("Yrkeshögskolan {fi_place}"),
            format!("{fi_place} University of Applied Sciences"),
        ),
        Kind::PrivateSchool => (
            format!("{fi_place} International School Oy"),
            String::new(),
            String::new(),
        ),
    };
    if sv.is_empty() {
        // A company name reads the same in every language.
        t.str("name", &fi);
    } else {
        t.tri_owned("name", [fi, sv, en]);
    }
    let _ = writeln!(t.0, "public_authority = {}", kind != Kind::PrivateSchool);
    if kind == Kind::PrivateSchool {
        let _ = writeln!(
            t.0,
            "business_id = \"{:07}-{}\"",
            1_000_000 + i * 37,
            i % 10
        );
    }
    if rng.below(3) > 0 {
        let street = 1 + rng.below(40);
        let postcode = 10_000 + (i * 173) % 89_000;
        t.str(
            "address",
            &format!("Keskuskatu {street}, {postcode:05} {fi_place}"),
        );
    }
    t.str("email", &format!("kirjaamo@{domain}"));
    if rng.below(2) == 0 {
        t.str(
            "phone",
            &format!("+358 {} {:03} {:04}", 2 + rng.below(8), rng.below(1000), i),
        );
    }
    t.str("web", &format!("https://www.{domain}"));
    t.str("country", "FI");

    t.line("");
    t.line("[dpo]");
    t.inline(
        "role",
        &[
            "Tietosuojavastaava",
            "Dataskyddsombud",
            "Data protection officer",
        ],
    );
    t.str("email", &format!("tietosuoja@{domain}"));
    if rng.below(4) == 0 {
        t.str("phone", &format!("+358 40 {:03} {:04}", rng.below(1000), i));
    }

    if rng.below(2) == 0 {
        t.line("");
        t.line("[contact]");
        t.inline(
            "role",
            &[
                "Opetustoimen tietohallinto",
                "IT-förvaltningen inom utbildningen",
                "Education IT services",
            ],
        );
        t.str("email", &format!("opetus.ict@{domain}"));
    }

    // Four in five have a brand colour, most of those a logo as well.
    let mut logo_svg = None;
    if rng.below(5) > 0 {
        let colour = COLOURS[i % COLOURS.len()];
        t.line("");
        t.line("[branding]");
        t.str("colour", colour);
        if rng.below(4) > 0 {
            t.str("logo", &format!("logos/customer-{i:04}.svg"));
            logo_svg = Some(logo(&fi_place, colour));
        }
    }

    // One customer in four adds to the first service in its list.
    if i % 4 == 1 {
        let service = ids[0];
        t.line("");
        t.line("[[additions]]");
        t.str("service", service);
        t.line("");
        t.line("[[additions.recipients]]");
        t.str("id", "local-school-photographer");
        t.str("name", &format!("Koulukuva {fi_place} Oy"));
        t.str("role", "processor");
        t.str("country", "FI");
        t.tri(
            "purpose",
            &[
                "Koulukuvaus: kuvaaja saa oppilaiden nimet, koulun ja luokan, jotta kuvat voidaan järjestää luokittain. Kuvaaja poistaa luettelot viimeistään kuuden kuukauden kuluttua kuvauksesta.",
                "Skolfotografering: fotografen får elevernas namn, skola och klass så att bilderna kan ordnas klassvis. Fotografen raderar förteckningarna senast sex månader efter fotograferingen.",
                "School photographs: the photographer receives the pupils' names, school and class so that the photographs can be sorted by class. The photographer deletes the lists at the latest six months after the photographs were taken.",
            ],
        );
        if i % 8 == 1 {
            t.line("");
            t.line("[[additions.access_roles]]");
            t.str("id", "local-school-secretary");
            t.inline(
                "role",
                &["Koulusihteeri", "Skolsekreterare", "School secretary"],
            );
            t.tri(
                "sees",
                &[
                    "Oman koulunsa oppilaiden ja henkilökunnan perustiedot; ei näe lokitietoja.",
                    "Grunduppgifter om eleverna och personalen vid den egna skolan; ser inte loggdata.",
                    "Basic details of the pupils and staff of their own school; cannot see log data.",
                ],
            );
        }
        if i % 12 == 1 {
            t.line("");
            t.line("[[additions.retention]]");
            t.str("id", "local-keep-moving-pupils");
            t.str("period", "P1Y");
            t.tri(
                "rule",
                &[
                    "Kun oppilas siirtyy kunnan perusopetuksesta kunnan lukioon, hänen tietonsa säilytetään enintään vuoden siirron jälkeen.",
                    "När en elev går över från kommunens grundläggande utbildning till kommunens gymnasium sparas uppgifterna högst ett år efter övergången.",
                    "When a pupil moves from the municipality's basic education to its upper secondary school, the data are kept for at most one year after the move.",
                ],
            );
        }
    }
    (t.0, logo_svg)
}
