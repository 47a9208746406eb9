//! The notice as data, for other tools: `seloste export` and `build
//! --format json`.
//!
//! - `json.rs`: the resolved notice (fragments applied, bound to its
//!   customer in a bundle) with what seloste derives (the legal-basis
//!   wording, the rights, the supervisory authority), in every language,
//!   described by a versioned JSON Schema (`schema/export.schema.json`).
//! - `dpv.rs`: JSON-LD in the terms of the W3C Data Privacy Vocabulary
//!   (DPV) and its GDPR extension.
//! - `tilt.rs`: the Transparency Information Language and Toolkit's
//!   document format, one per language.
//!
//! Like the renderer, the writers return bytes; `output` writes them.

pub mod dpv;
pub mod json;
pub mod tilt;

/// A format `seloste export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum ExportFormat {
    /// The resolved notice, `<id>.json` (schema: `seloste schema --export`).
    Json,
    /// JSON-LD with W3C DPV / DPV-GDPR terms, `<id>.jsonld`.
    Dpv,
    /// TILT documents, one per language: `<id>.<lang>.tilt.json`.
    Tilt,
}
