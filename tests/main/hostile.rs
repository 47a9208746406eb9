//! The real binary on hostile inputs and environments: truncated, binary,
//! huge and deeply nested files, bad encodings, link loops, unreadable and
//! special files, unwritable or foreign output folders, ids and logo paths
//! that try to leave their folder.
//!
//! Every run is spawned with a deadline (a hang is a failure, not a stuck
//! test) and every test asserts the same things: no panic, not killed by a
//! signal, the expected exit code, a message naming the problem, and no file
//! created, changed or deleted outside the output folder.
//!
//! The deadline counts the processor time the run uses (where `/proc` tells
//! it), not the time on the clock: the other tests of the binary run beside
//! these, and a busy machine must not turn a slow run into a hang. A run
//! that waits without working (a blocking read) is stopped after
//! [`WALL_FACTOR`] times the deadline on the clock.
//!
//! Tests marked `#[ignore = "BUG: ..."]` describe behaviour that is wrong
//! today; run them with `cargo test --test main hostile:: -- --ignored`.

use std::collections::BTreeMap;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::common::{self, root};

/// How much processor time one run of the binary may use before it counts
/// as a hang.
const DEADLINE: Duration = Duration::from_secs(20);
/// For the runs on tens of megabytes (a debug binary).
const LONG_DEADLINE: Duration = Duration::from_secs(180);
/// A run is stopped after this many times its deadline on the clock, used
/// or not: a run that blocks uses no processor time.
const WALL_FACTOR: u32 = 5;

// ---------------------------------------------------------------------------
// Running the binary with a deadline

struct Run {
    what: String,
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

/// Runs the binary in `dir`; kills it when it uses more than `deadline` of
/// processor time, or `WALL_FACTOR` times that on the clock. Both pipes are
/// drained on their own threads so that a large report cannot block the
/// child.
fn run_with(dir: &Path, args: &[&str], deadline: Duration) -> Run {
    run_as(&Runner::direct(), dir, args, deadline)
}

/// How the binary is started: directly, or through a program that runs it
/// as another user.
struct Runner {
    program: PathBuf,
    prefix: Vec<String>,
}

impl Runner {
    fn direct() -> Runner {
        Runner {
            program: PathBuf::from(env!("CARGO_BIN_EXE_seloste")),
            prefix: Vec::new(),
        }
    }
}

/// [`run_with`], started by `runner`.
fn run_as(runner: &Runner, dir: &Path, args: &[&str], deadline: Duration) -> Run {
    let mut child = Command::new(&runner.program)
        .args(&runner.prefix)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        let used = cpu_time(child.id()).unwrap_or_else(|| start.elapsed());
        if used >= deadline || start.elapsed() >= deadline * WALL_FACTOR {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait after kill");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        what: format!("seloste {}", args.join(" ")),
        code: if timed_out { None } else { status.code() },
        signal: if timed_out { None } else { status.signal() },
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
        timed_out,
    }
}

/// The processor time `pid` has used so far (user and system, all its
/// threads), or `None` where `/proc` does not say (not Linux).
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: the
    // fields are counted from its last `)`. utime and stime are fields 14
    // and 15, in clock ticks (USER_HZ, 100 a second).
    let mut fields = stat[stat.rfind(')')? + 2..].split(' ').skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, DEADLINE)
}

/// At most `n` characters of `s`, for assertion messages.
fn head(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}\n[... {} more bytes]", &s[..i], s.len() - i),
        None => s.to_string(),
    }
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    fn show(&self) -> String {
        format!(
            "`{}`: exit {:?}, signal {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.what,
            self.code,
            self.signal,
            head(&self.stdout, 3000),
            head(&self.stderr, 3000)
        )
    }

    /// Finished in time, not by a signal, no panic, and one of `codes`.
    fn sane(&self, codes: &[i32]) -> &Self {
        assert!(
            !self.timed_out,
            "`{}` hung: killed after the deadline",
            self.what
        );
        if let Some(sig) = self.signal {
            let name = match sig {
                6 => " (SIGABRT: stack overflow or abort)",
                9 => " (SIGKILL: out of memory?)",
                11 => " (SIGSEGV)",
                _ => "",
            };
            panic!("killed by signal {sig}{name}\n{}", self.show());
        }
        assert!(
            !self.stderr.contains("panicked") && !self.stdout.contains("panicked"),
            "the binary panicked\n{}",
            self.show()
        );
        let code = self.code.expect("an exit code");
        assert!(
            codes.contains(&code),
            "expected exit {codes:?}\n{}",
            self.show()
        );
        self
    }

    /// The combined output names `needle`.
    fn says(&self, needle: &str) -> &Self {
        assert!(
            self.all().contains(needle),
            "no `{needle}` in\n{}",
            self.show()
        );
        self
    }

    /// (code, line, column) of every record of `--format json` output.
    fn records(&self) -> Vec<(String, u64, u64)> {
        self.stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("not JSON ({e}): {l}\n{}", self.show()));
                (
                    v["code"].as_str().unwrap_or_default().to_string(),
                    v["line"].as_u64().unwrap_or(0),
                    v["column"].as_u64().unwrap_or(0),
                )
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// What is on disk before and after

#[derive(Debug, PartialEq)]
enum Entry {
    Dir,
    File {
        len: u64,
        modified: Option<SystemTime>,
        mode: u32,
        /// The bytes of files up to 1 MiB.
        bytes: Option<Vec<u8>>,
    },
    Link(PathBuf),
    Other,
}

/// Every entry below `dir` (links not followed, special files not opened).
fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e
            .path()
            .strip_prefix(dir)
            .expect("inside")
            .to_string_lossy()
            .into_owned();
        let Ok(meta) = std::fs::symlink_metadata(e.path()) else {
            continue;
        };
        let ft = meta.file_type();
        let entry = if ft.is_symlink() {
            Entry::Link(std::fs::read_link(e.path()).unwrap_or_default())
        } else if ft.is_dir() {
            Entry::Dir
        } else if ft.is_file() {
            Entry::File {
                len: meta.len(),
                modified: meta.modified().ok(),
                mode: meta.permissions().mode(),
                bytes: (meta.len() <= 1 << 20)
                    .then(|| std::fs::read(e.path()).ok())
                    .flatten(),
            }
        } else {
            Entry::Other
        };
        out.insert(rel, entry);
    }
    out
}

/// Nothing changed below `dir` except under the relative paths `allowed`.
fn assert_untouched(
    before: &BTreeMap<String, Entry>,
    after: &BTreeMap<String, Entry>,
    allowed: &[&str],
    run: &Run,
) {
    let inside = |k: &str| {
        allowed
            .iter()
            .any(|a| k == *a || k.starts_with(&format!("{a}/")))
    };
    for (k, v) in before {
        if inside(k) {
            continue;
        }
        match after.get(k) {
            None => panic!("`{k}` was deleted\n{}", run.show()),
            Some(now) => assert!(now == v, "`{k}` was changed\n{}", run.show()),
        }
    }
    for k in after.keys() {
        assert!(
            inside(k) || before.contains_key(k),
            "`{k}` was created outside the output\n{}",
            run.show()
        );
    }
}

// ---------------------------------------------------------------------------
// Fixtures

fn valid() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/cli/valid.toml")).expect("fixture")
}

/// A temporary folder with the working folder four levels down, so that a
/// path that climbs out of the working folder still lands where the test
/// sees it.
struct Sandbox {
    tmp: tempfile::TempDir,
    work: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let tmp = tempfile::tempdir().expect("temp dir");
        let work = tmp.path().join("1/2/3/4");
        std::fs::create_dir_all(&work).expect("mkdir");
        Sandbox { tmp, work }
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.work.join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p).expect("mkdir");
        }
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }

    fn snapshot(&self) -> BTreeMap<String, Entry> {
        snapshot(self.tmp.path())
    }

    /// The relative path below the sandbox root of `rel` in the working folder.
    fn key(&self, rel: &str) -> String {
        format!("1/2/3/4/{rel}")
    }

    /// Runs `args` in the working folder and checks that nothing outside
    /// `outputs` (relative to the working folder) was touched.
    fn run_checked(&self, args: &[&str], deadline: Duration, outputs: &[&str]) -> Run {
        let before = self.snapshot();
        let r = run_with(&self.work, args, deadline);
        let keys: Vec<String> = outputs.iter().map(|o| self.key(o)).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_untouched(&before, &self.snapshot(), &keys, &r);
        r
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_checked(args, DEADLINE, &[])
    }

    /// A copy of the bundle fixture vendor: `services/` and `customers/`.
    fn vendor() -> Sandbox {
        let s = Sandbox::new();
        for sub in ["services", "customers"] {
            let from = root().join("tests/fixtures/bundle").join(sub);
            for e in std::fs::read_dir(&from).expect("fixture") {
                let e = e.expect("entry");
                let name = format!("{sub}/{}", e.file_name().to_string_lossy());
                s.write(&name, std::fs::read(e.path()).expect("read"));
            }
        }
        s
    }
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
        })
        .collect()
}

/// Whether `path` can still be read after its permissions were removed
/// (true for root, which ignores them).
fn readable_anyway(path: &Path) -> bool {
    if path.is_dir() {
        std::fs::read_dir(path).is_ok()
    } else {
        std::fs::read(path).is_ok()
    }
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

// ---------------------------------------------------------------------------
// 1. Truncated files

#[test]
fn truncated_notices_give_located_errors() {
    let text = valid();
    let bytes = text.as_bytes();
    let at = |pattern: &str, k: usize| {
        text.find(pattern)
            .unwrap_or_else(|| panic!("fixture has `{pattern}`"))
            + k
    };
    // Each cut leaves the TOML broken; two fall inside a two-byte character.
    let cuts = [
        ("in-a-string", at("id = \"example", 9)),
        (
            "inside-a-multibyte-char",
            at("Esimerkkilän", "Esimerkkil".len() + 1),
        ),
        ("after-equals", at("version = ", 10)),
        ("inside-a-date", at("updated = 2026-1", 16)),
        ("inside-an-array", at("languages = [\"fi\", \"s", 21)),
        ("inside-a-table-header", at("[controller]", 6)),
        ("inside-an-array-table-header", at("[[purposes]]", 6)),
        ("inside-a-bare-key", at("public_authority", 8)),
        ("inside-a-duration", at("period = \"P2", 12)),
        (
            "inside-a-late-multibyte-char",
            at("Väestötieto", "Väest".len() + 1),
        ),
    ];
    assert!(!text.is_char_boundary(cuts[1].1) && !text.is_char_boundary(cuts[9].1));
    let s = Sandbox::new();
    // Every diagnostic of every cut: `name: CODE line:column`.
    let mut found = String::new();
    for (name, cut) in cuts {
        let file = format!("{name}.toml");
        s.write(&file, &bytes[..cut]);
        let last_line = bytes[..cut].iter().filter(|b| **b == b'\n').count() as u64 + 1;
        let json = s.run(&["check", &file, "--format", "json"]);
        json.sane(&[1]);
        let records = json.records();
        assert!(
            records
                .iter()
                .any(|(code, line, _)| (code == "L001" || code == "L002") && *line == last_line),
            "{name}: no L001/L002 at line {last_line}: {records:?}\n{}",
            json.show()
        );
        for (code, line, column) in records {
            found.push_str(&format!("{name}: {code} {line}:{column}\n"));
        }
        let human = s.run(&["check", &file]);
        human.sane(&[1]).says(&format!("--> {file}:{last_line}:"));
        assert!(
            human.stdout.contains("error[L001]") || human.stdout.contains("error[L002]"),
            "{name}\n{}",
            human.show()
        );
    }
    insta::assert_snapshot!("truncated_notices", found);
}

// ---------------------------------------------------------------------------
// 2. Binary files

#[test]
fn binary_files_give_located_errors() {
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\nIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n-\xb4\x00\x00\x00\x00IEND\xaeB`\x82";
    let nul_inside = valid().replacen("Kirkkokatu 1", "Kirkko\0katu 1", 1);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("random.toml", random_bytes(0x5e10_57e5, 64 * 1024), "L002"),
        ("image.toml", png.to_vec(), "L002"),
        ("zeros.toml", vec![0u8; 4096], "L001"),
        ("nul-in-a-string.toml", nul_inside.into_bytes(), "L001"),
    ];
    let s = Sandbox::new();
    // Every diagnostic of every file: `file: CODE line:column`.
    let mut found = String::new();
    for (file, bytes, code) in &cases {
        s.write(file, bytes);
        let r = s.run(&["check", file]);
        r.sane(&[1])
            .says(&format!("error[{code}]"))
            .says(&format!("--> {file}:"));
        if *code == "L002" {
            r.says("not valid UTF-8");
        }
        let json = s.run(&["check", file, "--format", "json"]);
        json.sane(&[1]);
        let records = json.records();
        assert!(
            records.iter().any(|(c, _, _)| c == code),
            "{file}\n{}",
            json.show()
        );
        for (code, line, column) in records {
            found.push_str(&format!("{file}: {code} {line}:{column}\n"));
        }
    }
    insta::assert_snapshot!("binary_files", found);
    // Next to a good notice, the garbage does not hide it.
    s.write("notices/valid.toml", valid());
    for (file, bytes, _) in &cases {
        s.write(&format!("notices/{file}"), bytes);
    }
    s.run(&["check", "notices"])
        .sane(&[1])
        .says("checked 1 notice:");
}

// ---------------------------------------------------------------------------
// 3. A 50 MB file

#[test]
fn fifty_megabyte_string_is_checked_in_bounded_time() {
    let s = Sandbox::new();
    let mut big = valid();
    big.push_str("\n[security]\nfi = \"");
    big.push_str(&"x".repeat(50 * 1024 * 1024));
    big.push_str("\"\nsv = \"x\"\nen = \"x\"\n");
    s.write("big.toml", big);
    let r = s.run_checked(&["check", "big.toml"], LONG_DEADLINE, &[]);
    r.sane(&[0]).says("checked 1 notice");
}

// ---------------------------------------------------------------------------
// 4. Deep nesting

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let n = 10_000;
    let cases = [
        (
            "arrays.toml",
            format!("a = {}{}\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "inline-tables.toml",
            format!("a = {}1{}\n", "{ b = ".repeat(n), " }".repeat(n)),
        ),
        (
            "table-header.toml",
            format!("[{}]\nx = 1\n", vec!["a"; n].join(".")),
        ),
        (
            "dotted-key.toml",
            format!("id = \"x\"\ntitle.{} = 1\n", vec!["a"; n].join(".")),
        ),
        (
            "arrays-in-a-notice.toml",
            valid().replacen(
                "languages = [\"fi\", \"sv\", \"en\"]",
                &format!("languages = {}{}", "[".repeat(n), "]".repeat(n)),
                1,
            ),
        ),
    ];
    let s = Sandbox::new();
    for (file, text) in &cases {
        s.write(file, text);
        s.run(&["check", file])
            .sane(&[1])
            .says("error[L001]")
            .says("recursion")
            .says(&format!("--> {file}:"));
    }
}

// ---------------------------------------------------------------------------
// 5. 100,000-element arrays

#[test]
fn hundred_thousand_languages() {
    let s = Sandbox::new();
    let langs = vec!["\"fi\""; 100_000].join(", ");
    let text = valid().replacen(
        "languages = [\"fi\", \"sv\", \"en\"]",
        &format!("languages = [{langs}]"),
        1,
    );
    s.write("langs.toml", text);
    s.run_checked(&["check", "langs.toml"], LONG_DEADLINE, &[])
        .sane(&[1])
        .says("checked 1 notice");
}

#[test]
fn hundred_thousand_purposes() {
    let s = Sandbox::new();
    let mut text = valid();
    for i in 0..100_000 {
        text.push_str(&format!(
            "\n[[purposes]]\nid = \"p{i}\"\ndescription = {{ fi = \"a\", sv = \"b\", en = \"c\" }}\nlegal_basis = \"public-task\"\nlaw = {{ fi = \"l\", sv = \"l\", en = \"l\" }}\n"
        ));
    }
    s.write("purposes.toml", text);
    s.run_checked(&["check", "purposes.toml"], LONG_DEADLINE, &[])
        .sane(&[0])
        .says("checked 1 notice");
}

/// Each duplicate id is reported with the first use as a secondary label;
/// the human report renders every line between the two, so the time grows
/// with the square of the number of duplicates (20,000 took 7 minutes).
#[test]
fn many_duplicate_ids_are_reported_in_bounded_time() {
    let s = Sandbox::new();
    let mut text = valid();
    for _ in 0..5_000 {
        text.push_str("\n[[purposes]]\nid = \"teaching\"\ndescription = { fi = \"a\", sv = \"b\", en = \"c\" }\nlegal_basis = \"public-task\"\nlaw = { fi = \"l\", sv = \"l\", en = \"l\" }\n");
    }
    s.write("dup.toml", text);
    // JSON takes about a second for the same diagnostics.
    s.run_checked(&["check", "dup.toml", "--format", "json"], DEADLINE, &[])
        .sane(&[1]);
    s.run_checked(&["check", "dup.toml"], DEADLINE, &[])
        .sane(&[1])
        .says("error[Q010]");
}

// ---------------------------------------------------------------------------
// 6. Encodings

#[test]
fn invalid_utf8_inside_a_string_is_located() {
    let s = Sandbox::new();
    let text = valid();
    let at = text.find("Exempelby skolas").expect("fixture") + "Exempelby ".len();
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(b"\xff\xfe\xc3");
    bytes.extend_from_slice(&text.as_bytes()[at..]);
    s.write("bad.toml", &bytes);
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at]
        .rsplit('\n')
        .next()
        .expect("line")
        .chars()
        .count()
        + 1;
    s.run(&["check", "bad.toml"])
        .sane(&[1])
        .says("error[L002]")
        .says("not valid UTF-8")
        .says(&format!("--> bad.toml:{line}:{column}"));
}

#[test]
fn utf16_with_a_byte_order_mark_is_an_encoding_error() {
    let s = Sandbox::new();
    let mut le = b"\xff\xfe".to_vec();
    le.extend(valid().encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = b"\xfe\xff".to_vec();
    be.extend(valid().encode_utf16().flat_map(u16::to_be_bytes));
    s.write("le.toml", le);
    s.write("be.toml", be);
    for file in ["le.toml", "be.toml"] {
        s.run(&["check", file])
            .sane(&[1])
            .says("error[L002]")
            .says("not valid UTF-8")
            .says(&format!("--> {file}:1:1"));
    }
}

// ---------------------------------------------------------------------------
// 7. Link loops

#[test]
fn symlink_loops_in_notices_terminate() {
    let s = Sandbox::new();
    s.write("notices/valid.toml", valid());
    let n = s.work.join("notices");
    let link = |target: &str, at: &str| {
        std::os::unix::fs::symlink(target, n.join(at)).expect("symlink");
    };
    std::fs::create_dir_all(n.join("d1")).expect("mkdir");
    std::fs::create_dir_all(n.join("d2")).expect("mkdir");
    link(".", "loop");
    link("y", "x");
    link("x", "y");
    link("x.toml", "self.toml");
    link("../d2", "d1/up");
    link("../d1", "d2/up");
    // The dangling `self.toml` is named: a notice that cannot be read is
    // an I/O error (exit 2), not something to skip without a word.
    s.run(&["check", "notices"])
        .sane(&[2])
        .says("checked 1 notice: no problems found")
        .says("self.toml");
    s.run(&["check", "notices/loop"]).sane(&[2]);
    s.run(&["check", "notices/d1/up"]).sane(&[0]);
    s.run(&["check", "notices/x"]).sane(&[2]).says("notices/x");
    std::fs::remove_file(n.join("self.toml")).expect("rm");
    let r = s.run_checked(&["build", "notices", "--out", "site"], DEADLINE, &["site"]);
    r.sane(&[0]);
    assert!(
        s.work
            .join("site/en/example-school-register.html")
            .is_file()
    );
}

/// Links are not followed (so that a loop cannot trap the walk), but a
/// notice that is a link is then skipped without a word: a folder of
/// linked notices is "checked 0 notices: no problems found", exit 0.
#[test]
fn a_symlinked_notice_is_not_skipped_silently() {
    let s = Sandbox::new();
    s.write(
        "shared/school.toml",
        valid().replacen("[dpo]", "[dpo_gone]", 1),
    );
    std::fs::create_dir_all(s.work.join("notices")).expect("mkdir");
    std::os::unix::fs::symlink("../shared/school.toml", s.work.join("notices/school.toml"))
        .expect("symlink");
    let r = s.run(&["check", "notices"]);
    r.sane(&[2]).says("school.toml");
}

// ---------------------------------------------------------------------------
// 8. Unreadable files

/// Who runs the binary so that file permissions apply: this process's user
/// when they do; when the tests run as root (as in CI), which reads and
/// writes regardless, user and group 65534 (nobody) through `setpriv`.
/// `probe` has just lost its permissions; `sane` is a command that must
/// succeed as that user (it can reach the sandbox and run the binary).
/// `None`, after saying why, when neither is possible here.
fn unprivileged(s: &Sandbox, probe: &Path, sane: &[&str]) -> Option<Runner> {
    let runner = if !readable_anyway(probe) {
        Runner::direct()
    } else if rustix::process::geteuid().is_root() {
        // A copy of the binary inside the sandbox, which is open to others:
        // the build folder may sit below a home folder closed to them.
        let binary = s.work.join(".bin/seloste");
        std::fs::create_dir_all(s.work.join(".bin")).expect("mkdir");
        std::fs::copy(env!("CARGO_BIN_EXE_seloste"), &binary).expect("copy the binary");
        for dir in [s.work.join(".bin"), s.work.clone()] {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        Runner {
            program: common::external_tool("setpriv")?,
            prefix: vec![
                "--reuid=65534".to_string(),
                "--regid=65534".to_string(),
                "--clear-groups".to_string(),
                "--".to_string(),
                binary.to_string_lossy().into_owned(),
            ],
        }
    } else {
        common::skip("this user reads and writes regardless of permissions, and is not root");
        return None;
    };
    let r = run_as(&runner, &s.work, sane, DEADLINE);
    if r.code != Some(0) {
        let why = format!(
            "user 65534 cannot run the binary or reach the sandbox (is a folder above {} closed to others?)\n{}",
            s.work.display(),
            r.show()
        );
        assert!(!common::tools_required(), "{why}");
        common::skip(&why);
        return None;
    }
    Some(runner)
}

impl Sandbox {
    /// Opens the sandbox to other users (folders 0755, files 0644), for a
    /// binary run as one.
    fn open_to_others(&self) {
        for e in walkdir::WalkDir::new(self.tmp.path())
            .into_iter()
            .filter_map(Result::ok)
        {
            let mode = if e.file_type().is_dir() {
                0o755
            } else if e.file_type().is_file() {
                0o644
            } else {
                continue;
            };
            std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode))
                .expect("chmod");
        }
    }

    /// [`Sandbox::run_checked`] with the binary started by `runner`.
    fn run_by(&self, runner: &Runner, args: &[&str], outputs: &[&str]) -> Run {
        let before = self.snapshot();
        let r = run_as(runner, &self.work, args, DEADLINE);
        let keys: Vec<String> = outputs.iter().map(|o| self.key(o)).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_untouched(&before, &self.snapshot(), &keys, &r);
        r
    }
}

#[test]
fn unreadable_file_is_exit_2_with_its_path() {
    let s = Sandbox::new();
    s.write("notices/valid.toml", valid());
    let locked = s.write(
        "notices/locked.toml",
        valid().replace("example-school", "other"),
    );
    s.open_to_others();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if let Some(runner) = unprivileged(&s, &locked, &["check", "notices/valid.toml"]) {
        s.run_by(&runner, &["check", "notices"], &[])
            .sane(&[2])
            .says("notices/locked.toml");
        // `build` stops before writing anything.
        let r = s.run_by(&runner, &["build", "notices", "--out", "site"], &[]);
        r.sane(&[2]).says("notices/locked.toml");
        assert!(
            !s.work.join("site").exists(),
            "partial output\n{}",
            r.show()
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).expect("chmod");

    // Root cannot read a dangling link either.
    std::os::unix::fs::symlink("nowhere.toml", s.work.join("dangling.toml")).expect("symlink");
    s.run(&["check", "dangling.toml"])
        .sane(&[2])
        .says("dangling.toml");
}

// ---------------------------------------------------------------------------
// 9. Output folders that cannot be written

#[test]
fn output_in_a_read_only_folder_is_exit_2() {
    let s = Sandbox::new();
    s.write("n.toml", valid());
    let ro = s.work.join("ro");
    std::fs::create_dir(&ro).expect("mkdir");
    s.open_to_others();
    // A file that may not be read says whether permissions apply.
    let locked = s.write("locked", "");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if let Some(runner) = unprivileged(&s, &locked, &["check", "n.toml"]) {
        let mode = |m: u32| {
            std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(m)).expect("chmod")
        };
        mode(0o555);
        for (out, says) in [
            ("ro/site", "cannot create a temporary folder in ro"),
            ("ro/deeper/site", "cannot create ro/deeper"),
        ] {
            s.run_by(&runner, &["build", "n.toml", "--out", out], &[])
                .sane(&[2])
                .says(says);
        }
        // An output seloste wrote before, in a folder that became
        // read-only: it is kept as it was.
        mode(0o777);
        s.run_by(&runner, &["build", "n.toml", "--out", "ro/site"], &["ro"])
            .sane(&[0]);
        mode(0o555);
        s.run_by(&runner, &["build", "n.toml", "--out", "ro/site"], &[])
            .sane(&[2])
            .says("cannot create a temporary folder in ro");
    }
    std::fs::remove_file(&locked).expect("rm");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod");

    // What even root cannot write: a folder below a file, and /proc.
    s.write("file", "keep me\n");
    s.run(&["build", "n.toml", "--out", "file/site"])
        .sane(&[2])
        .says("file/site");
    assert_eq!(
        std::fs::read_to_string(s.work.join("file")).expect("read"),
        "keep me\n"
    );
    if Path::new("/proc/self").exists() {
        let out = format!("/proc/seloste-hostile-{}", std::process::id());
        s.run(&["build", "n.toml", "--out", &out])
            .sane(&[2])
            .says("/proc");
        assert!(!Path::new(&out).exists());
    }
}

#[test]
fn output_path_that_is_a_file_is_exit_2_and_the_file_is_kept() {
    let s = Sandbox::new();
    s.write("n.toml", valid());
    s.write("site", "not a folder\n");
    s.run(&["build", "n.toml", "--out", "site"])
        .sane(&[2])
        .says("site exists and is not a folder");
    // A link to a folder is not followed either.
    s.write("real/keep.txt", "keep\n");
    std::os::unix::fs::symlink("real", s.work.join("linked")).expect("symlink");
    s.run(&["build", "n.toml", "--out", "linked"])
        .sane(&[2])
        .says("linked");
}

// ---------------------------------------------------------------------------
// 10. Output folders that hold other files

#[test]
fn build_refuses_a_folder_it_did_not_write() {
    let s = Sandbox::new();
    s.write("notices/n.toml", valid());
    s.write("notices/README.md", "mine\n");
    for out in ["notices", ".", ".."] {
        s.run(&["build", "notices", "--out", out])
            .sane(&[2])
            .says("refusing to replace it");
    }
}

/// `bundle` writes `<out>/<id>/` (refused when foreign) and `<out>/<id>.zip`
/// (not checked): pointed at the vendor's own folder, it writes among the
/// sources. Nothing there may be deleted or changed.
#[test]
fn bundle_into_the_services_folder_deletes_nothing() {
    let s = Sandbox::vendor();
    s.write("services/notes.md", "mine\n");
    let r = s.run_checked(
        &[
            "bundle",
            "services",
            "--customers",
            "customers",
            "--out",
            "services",
        ],
        DEADLINE,
        &[
            "services/alpha",
            "services/beta",
            "services/gamma",
            "services/alpha.zip",
            "services/beta.zip",
            "services/gamma.zip",
        ],
    );
    r.sane(&[2]);
}

/// `<out>/<id>.zip` is replaced without the check that protects `<out>/<id>/`,
/// and a customer whose folder is refused stops the run after the earlier
/// customers were written (exit 2 with partial output).
#[test]
fn bundle_keeps_foreign_files_in_its_output_folder() {
    let s = Sandbox::vendor();
    s.write("out/alpha.zip", "PRECIOUS\n");
    s.write("out/gamma/notes.txt", "mine\n");
    let r = s.run_checked(
        &[
            "bundle",
            "services",
            "--customers",
            "customers",
            "--out",
            "out",
        ],
        DEADLINE,
        &["out/beta", "out/beta.zip"],
    );
    r.sane(&[2]);
    assert_eq!(
        std::fs::read_to_string(s.work.join("out/alpha.zip")).expect("read"),
        "PRECIOUS\n"
    );
}

// ---------------------------------------------------------------------------
// 11. Ids that try to leave the output folder

#[test]
fn notice_ids_with_path_traversal_are_rejected() {
    for id in [
        "../../evil",
        "../../../../evil",
        "/tmp/seloste-evil",
        "fi/../../evil",
    ] {
        let s = Sandbox::new();
        let text = valid().replacen(
            "id = \"example-school-register\"",
            &format!("id = \"{id}\""),
            1,
        );
        s.write("notices/n.toml", text);
        s.run(&["build", "notices", "--out", "site"])
            .sane(&[1])
            .says("error[Q012]")
            .says("nothing was built");
        assert!(!s.work.join("site").exists());
        // The id rule cannot be allowed (it once could, and a lowered rule
        // let `javascript:` ids become links): the configuration that
        // tries is itself an error, and nothing is built. (A broken
        // configuration stops `build` before the notices' findings are
        // shown, as it stops every command; `check` shows both.)
        s.write("seloste.toml", "[rules]\ninvalid-id = \"allow\"\n");
        let r = s.run_checked(&["build", "notices", "--out", "site"], DEADLINE, &["site"]);
        r.sane(&[2])
            .says("Q012 (invalid-id) cannot be reconfigured")
            .says("seloste.toml has errors");
        s.run(&["check", "notices"])
            .sane(&[2])
            .says("Q012 (invalid-id) cannot be reconfigured")
            .says("error[Q012]");
        assert!(!s.work.join("site").exists(), "partial output");
        assert!(!Path::new("/tmp/seloste-evil.html").exists());
    }
}

#[test]
fn customer_ids_with_path_traversal_are_rejected() {
    for allow in [false, true] {
        let s = Sandbox::vendor();
        let path = s.work.join("customers/alpha.toml");
        let text = std::fs::read_to_string(&path).expect("read");
        s.write(
            "customers/alpha.toml",
            text.replacen("id = \"alpha\"", "id = \"../../evil\"", 1),
        );
        if allow {
            s.write("seloste.toml", "[rules]\ninvalid-id = \"allow\"\n");
        }
        let r = s.run_checked(
            &[
                "bundle",
                "services",
                "--customers",
                "customers",
                "--out",
                "out",
            ],
            DEADLINE,
            &["out"],
        );
        if allow {
            // The id rule cannot be allowed: the configuration is refused.
            r.sane(&[2])
                .says("Q012 (invalid-id) cannot be reconfigured");
            assert!(!s.work.join("out").exists(), "nothing is built");
        } else {
            r.sane(&[1])
                .says("not built")
                .says("../../evil")
                .says("error[Q012]");
            assert!(
                s.work.join("out/beta.zip").is_file(),
                "the others are built"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// 12. Logo paths that point elsewhere

#[test]
fn logo_paths_to_system_files_are_refused() {
    for logo in [
        "../../../etc/passwd",
        "/etc/passwd",
        "../../../../../../../../../etc/shadow",
    ] {
        let s = Sandbox::vendor();
        let path = s.work.join("customers/alpha.toml");
        let text = std::fs::read_to_string(&path).expect("read");
        s.write(
            "customers/alpha.toml",
            text.replacen("colour = ", &format!("logo = \"{logo}\"\ncolour = "), 1),
        );
        let r = s.run_checked(
            &[
                "bundle",
                "services",
                "--customers",
                "customers",
                "--out",
                "out",
            ],
            DEADLINE,
            &["out"],
        );
        r.sane(&[1])
            .says("error[L007]")
            .says("not an image seloste can publish")
            .says("not built because of the findings above (any previous output of theirs is untouched): alpha");
        assert!(!s.work.join("out/alpha").exists());
        assert!(!s.work.join("out/alpha.zip").exists());
    }
}

/// Only the extension is checked: any file whose name ends in an image
/// extension, anywhere (absolute path, `../`, or a link), is copied into the
/// bundle and its zip as `logo.png`, whatever its bytes.
#[test]
fn logo_outside_the_customers_folder_is_not_copied() {
    const SECRET: &str = "root:x:0:0:not-an-image\n";
    let s = Sandbox::vendor();
    s.write("private/secret.png", SECRET);
    let absolute = s.work.join("private/secret.png");
    for logo in [absolute.to_str().expect("utf-8"), "../private/secret.png"] {
        let path = s.work.join("customers/alpha.toml");
        let text = std::fs::read_to_string(&path).expect("read");
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("logo = "))
            .map(|l| format!("{l}\n"))
            .collect();
        s.write(
            "customers/alpha.toml",
            text.replacen("colour = ", &format!("logo = \"{logo}\"\ncolour = "), 1),
        );
        let _ = std::fs::remove_dir_all(s.work.join("out"));
        let r = run(
            &s.work,
            &[
                "bundle",
                "services",
                "--customers",
                "customers",
                "--out",
                "out",
            ],
        );
        r.sane(&[1]);
        for (name, bytes) in common::tree(&s.work.join("out")) {
            assert!(
                !bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
                "logo `{logo}`: out/{name} holds the private file\n{}",
                r.show()
            );
        }
        // Zips are deflated: look at the copied file itself.
        assert!(
            !s.work.join("out/alpha/logo.png").exists(),
            "logo `{logo}` was copied\n{}",
            r.show()
        );
    }
}

// ---------------------------------------------------------------------------
// 13. Named pipes

#[test]
fn a_fifo_in_the_notices_folder_does_not_hang() {
    let s = Sandbox::new();
    s.write("notices/valid.toml", valid());
    if !mkfifo(&s.work.join("notices/pipe.toml")) {
        common::skip("mkfifo is not available");
        return;
    }
    s.run(&["check", "notices"])
        .sane(&[0])
        .says("checked 1 notice");
    s.run_checked(&["build", "notices", "--out", "site"], DEADLINE, &["site"])
        .sane(&[0]);
}

/// `discover` keeps any path given that exists, and `std::fs::read` on a
/// FIFO blocks until a writer comes: `check notices/pipe.toml` never ends.
/// The same holds for a `seloste.toml` that is a FIFO (read by every
/// command), and `/dev/zero` or `/dev/urandom` are read until memory runs out.
#[test]
fn a_fifo_given_as_a_path_does_not_hang() {
    let s = Sandbox::new();
    s.write("notices/valid.toml", valid());
    if !mkfifo(&s.work.join("notices/pipe.toml")) {
        common::skip("mkfifo is not available");
        return;
    }
    s.run(&["check", "notices/pipe.toml"])
        .sane(&[2])
        .says("notices/pipe.toml");
    std::fs::remove_file(s.work.join("notices/pipe.toml")).expect("rm");
    assert!(mkfifo(&s.work.join("seloste.toml")));
    s.run(&["check", "notices"]).sane(&[2]).says("seloste.toml");
}

// ---------------------------------------------------------------------------
// 14. Work that grew faster than the input

/// Every diagnostic rendered the whole source line it points into: 40,000
/// errors on one 120 KB line took a minute to report (0.6 s as JSON).
#[test]
fn defect_8_reporting_is_linear_in_diagnostics_cli() {
    const N: usize = 20_000;
    let s = Sandbox::new();
    let codes = vec!["\"xx\""; N].join(", ");
    let text = valid().replacen(
        "languages = [\"fi\", \"sv\", \"en\"]",
        &format!("languages = [{codes}]"),
        1,
    );
    let line = 1 + text
        .lines()
        .position(|l| l.starts_with("languages = ["))
        .expect("the languages line");
    s.write("codes.toml", &text);
    // The output size below is what tells linear from quadratic; the long
    // deadline only catches a hang, as the test shares the machine with
    // the browser and crash tests.
    let r = s.run_checked(&["check", "codes.toml"], LONG_DEADLINE, &[]);
    r.sane(&[1]);
    assert_eq!(
        r.stdout
            .matches("error[L007]: `xx` is not a known language")
            .count(),
        N,
        "{}",
        r.show()
    );
    // Each element is 6 bytes (`"xx", `) after `languages = [`.
    for i in [0, N / 2, N - 1] {
        r.says(&format!("--> codes.toml:{line}:{}\n", 13 + 6 * i + 1));
    }
    assert!(
        r.stdout.len() < N * 2_000,
        "{} bytes of report for {N} diagnostics",
        r.stdout.len()
    );
}

/// The Markdown output wrote every quote level's `>` before every line
/// inside it: 8,000 nested quotes (16 KB) made a 96 MB `.md` file.
#[test]
fn defect_9_deep_blockquote_nesting_is_bounded_cli() {
    let s = Sandbox::new();
    let deep = format!("{}Only necessary cookies.", "> ".repeat(8_000));
    let text = valid().replacen(
        "languages = [\"fi\", \"sv\", \"en\"]\n",
        &format!(
            "languages = [\"fi\", \"sv\", \"en\"]\nsecurity = {{ fi = \"Salattu.\", sv = \"Krypterad.\", en = \"{deep}\" }}\n"
        ),
        1,
    );
    let line = 1 + text
        .lines()
        .position(|l| l.starts_with("security = "))
        .expect("the security line");
    s.write("notices/deep.toml", &text);
    let r = s.run(&["check", "notices"]);
    r.sane(&[1])
        .says("error[Q017]: `security` nests block quotes and lists 8000 levels deep, more than 8")
        .says(&format!("--> notices/deep.toml:{line}:"))
        .says("help: flatten the text to at most 8 levels");
    let json = s.run(&["check", "notices", "--format", "json"]);
    let records = json.records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!((records[0].0.as_str(), records[0].1), ("Q017", line as u64));

    // Published anyway (the rule lowered), the text is bounded.
    s.write("seloste.toml", "[rules]\nmarkdown-nesting = \"warning\"\n");
    s.run_checked(
        &["build", "notices", "--format", "md,html", "--out", "site"],
        DEADLINE,
        &["site"],
    )
    .sane(&[0]);
    for file in [
        "en/example-school-register.md",
        "en/example-school-register.html",
    ] {
        let out = std::fs::read_to_string(s.work.join("site").join(file)).expect("written");
        assert!(
            out.len() < 10 * text.len(),
            "{file}: {} bytes from a {} byte notice",
            out.len(),
            text.len()
        );
        assert!(out.contains("Only necessary cookies."), "{file}");
    }
}

/// Composing walked each chain of fragments looking through the chain at
/// every step: 4,000 chained fragments took 6 s and 10,000 did not finish.
#[test]
fn defect_10_fragment_chains_are_bounded_cli() {
    const N: usize = 10_000;
    let s = Sandbox::new();
    let text = valid().replacen(
        "id = \"example-school-register\"\n",
        "id = \"example-school-register\"\nextends = \"f00000\"\n",
        1,
    );
    s.write("notices/register.toml", text);
    for i in 0..N {
        let next = if i + 1 < N {
            format!("extends = \"f{:05}\"\n", i + 1)
        } else {
            String::new()
        };
        s.write(
            &format!("notices/f{i:05}.toml"),
            format!("id = \"f{i:05}\"\nfragment = true\n{next}"),
        );
    }
    let r = s.run(&["check", "notices", "--format", "json"]);
    r.sane(&[1]);
    // One error, at the `extends` of the 16th fragment: the 17th is one
    // too many.
    let records = r.records();
    assert_eq!(records, [("L011".to_string(), 3, 11)], "{}", r.show());
    assert!(
        r.stdout.contains("\"file\":\"notices/f00015.toml\""),
        "{}",
        r.show()
    );
    s.run(&["check", "notices"])
        .sane(&[1])
        .says("error[L011]: the chain of fragments is longer than 16")
        .says("--> notices/f00015.toml:3:11")
        .says("`f00016` would be fragment 17 of the chain")
        .says("help: merge fragments");
}
