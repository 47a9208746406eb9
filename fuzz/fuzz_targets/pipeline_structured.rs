//! Notice-shaped TOML written from an `arbitrary` structure (see
//! `seloste_fuzz::structured`), through the same pipeline as
//! `pipeline_bytes`. Most inputs pass `check`, so rendering is exercised.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(files) = seloste_fuzz::structured::files(data) else {
        return;
    };
    let parts: Vec<_> = files.iter().map(|(k, t)| (*k, t.as_bytes())).collect();
    let outcome = seloste_fuzz::pipeline(&parts);
    seloste_fuzz::tally("pipeline_structured", &outcome);
});
