//! `seloste build --watch` end to end: the real binary builds, sees a notice
//! change and rebuilds: `cargo test --test main watch::`.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::root;

/// The watching process, killed however the test ends.
struct Watching {
    child: Child,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `done` every 50 ms for up to 20 s; on timeout, fails with what the
/// process printed.
fn wait_for(what: &str, watching: &mut Watching, log: &Path, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        let printed = std::fs::read_to_string(log).unwrap_or_default();
        if let Ok(Some(status)) = watching.child.try_wait() {
            panic!("seloste exited ({status}) before {what}:\n{printed}");
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}:\n{printed}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn rebuilds_when_a_notice_changes() {
    let dir = tempfile::tempdir().expect("temp");
    let notices = dir.path().join("notices");
    std::fs::create_dir(&notices).expect("mkdir");
    let notice = notices.join("newsletter.toml");
    let source = std::fs::read_to_string(root().join("tests/fixtures/render/newsletter.toml"))
        .expect("read");
    std::fs::write(&notice, &source).expect("write");
    let log = dir.path().join("stderr.log");

    let mut watching = Watching {
        child: Command::new(env!("CARGO_BIN_EXE_seloste"))
            .args(["build", "--watch"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("the binary runs"),
    };

    let html = dir.path().join("site/en/newsletter.html");
    wait_for("the first build", &mut watching, &log, || html.is_file());

    let old = r#"en = "Newsletter subscribers" }"#;
    assert!(source.contains(old), "the fixture's English title changed");
    std::fs::write(
        &notice,
        source.replace(old, r#"en = "Newsletter readers, rebuilt" }"#),
    )
    .expect("write");

    wait_for("the rebuild", &mut watching, &log, || {
        std::fs::read_to_string(&html).is_ok_and(|h| h.contains("Newsletter readers, rebuilt"))
    });
    drop(watching);

    let printed = std::fs::read_to_string(&log).expect("log");
    // Printed before the rebuild, so it is there once the page changed.
    assert!(
        printed.contains("change detected: notices/newsletter.toml"),
        "{printed}"
    );
}
