//! Arbitrary bytes as notice files (and customer files): load, compose,
//! check with every rule, report, and render what passes. A NUL byte
//! separates files; see `seloste_fuzz::split`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let outcome = seloste_fuzz::pipeline(&seloste_fuzz::split(data));
    seloste_fuzz::tally("pipeline_bytes", &outcome);
});
