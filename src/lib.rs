//! seloste compiles privacy notices: TOML sources describing registers are
//! checked against GDPR Art. 13/14 and rendered for publication.
//!
//! The pipeline runs in one direction, one module per stage:
//! `load` (read files, build the [`model`]) -> `lint` (rules -> diagnostics)
//! -> `report` (print diagnostics). `cli` wires the stages to commands.
#![forbid(unsafe_code)]

pub mod archive;
pub mod bind;
pub mod bundle;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod fingerprint;
pub mod lint;
pub mod load;
pub mod model;
pub mod output;
pub mod pdf;
pub mod progress;
pub mod project;
pub mod records;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod source;
pub mod staging;
