//! Publishing one customer's bundle: the files of its notices (checked
//! and bound by [`crate::project::check_bundle`]), its logo and PDFs,
//! `manifest.json` (every file with its SHA-256), and `out/<customer>.zip`
//! with the same files in a fixed order and with fixed timestamps, so that
//! identical input gives identical bytes. Per customer the bundle is
//! `out/<customer>/<lang>/<notice>.{html,print.html,md}` with an index page
//! per language; its folder and zip are replaced whole.

use std::path::{Path, PathBuf};

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::archive;
use crate::model::{Customer, Notice};
use crate::project::CustomerCheck;
use crate::render::{RenderedFile, Renderer, Selection};

/// The files of one customer's bundle, `manifest.json` included.
pub fn customer_files(
    renderer: &Renderer,
    check: &CustomerCheck,
    selection: &Selection,
    defaults: &[crate::model::Lang],
    pdf: Option<&crate::pdf::Engine>,
    json: bool,
) -> anyhow::Result<Vec<RenderedFile>> {
    let shared = crate::render::shared_keys(&check.notices);
    let mut files = renderer.site_keyed(&check.notices, &shared, selection, defaults)?;
    if json {
        files.extend(crate::export::json::beside_pages(
            renderer.locales(),
            &check.notices,
            selection,
            defaults,
        )?);
    }
    files.extend(processor_records(renderer, check, &shared, defaults)?);
    if let Some((name, bytes)) = check
        .customer
        .branding
        .as_ref()
        .and_then(|b| b.logo_file.as_ref())
    {
        files.push(RenderedFile {
            path: name.clone(),
            contents: bytes.clone(),
            shared: Vec::new(),
        });
    }
    if let Some(engine) = pdf {
        // After the logo, which the print HTML shows.
        engine.convert(&mut files, &crate::pdf::Dates::of_notices(&check.notices))?;
    }
    let manifest = manifest(&check.customer, &check.notices, &files)?;
    files.push(RenderedFile {
        path: "manifest.json".to_string(),
        contents: manifest,
        shared: Vec::new(),
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The customer's record of the processing the vendor carries out on its
/// behalf (Art. 30(2)), in each of the customer's languages and every
/// record format: `records/processor-record.<lang>.{xlsx,csv,html,md}`.
/// `shared` holds the notices' [`crate::render::shared_key`]s, in order.
fn processor_records(
    renderer: &Renderer,
    check: &CustomerCheck,
    shared: &[Option<u128>],
    defaults: &[crate::model::Lang],
) -> anyhow::Result<Vec<RenderedFile>> {
    use crate::records::RecordFormat;
    let mut languages = check.customer.language_list();
    if languages.is_empty() {
        languages = defaults.to_vec();
    }
    let mut files = Vec::new();
    if check.notices.is_empty() {
        return Ok(files);
    }
    for lang in &languages {
        let book = crate::records::processor_record(renderer, &check.notices, shared, lang)?;
        files.extend(crate::records::files(
            renderer,
            &book,
            &format!("records/processor-record.{lang}"),
            &[
                RecordFormat::Xlsx,
                RecordFormat::Csv,
                RecordFormat::Html,
                RecordFormat::Md,
            ],
            // A workbook is what a customer's DPO opens; the CSV is for
            // tools, which read UTF-8 without a byte-order mark.
            crate::records::WriteOptions { bom: false },
        )?);
    }
    Ok(files)
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(2 * digest.len());
    for b in digest.iter() {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}

/// What a bundle holds: every file with its digest, the notices with their
/// versions, the languages, and the seloste version that built it.
fn manifest(
    customer: &Customer,
    notices: &[Notice],
    files: &[RenderedFile],
) -> anyhow::Result<Vec<u8>> {
    let value = json!({
        "customer": customer.id_str(),
        "languages": customer.language_list().iter().map(|l| l.as_str()).collect::<Vec<_>>(),
        "seloste": env!("CARGO_PKG_VERSION"),
        "notices": notices.iter().map(|n| json!({
            "id": n.id_str(),
            "version": n.version.as_ref().map(|v| v.value.as_str()),
            "updated": n.updated.as_ref().map(|d| d.value.to_string()),
        })).collect::<Vec<_>>(),
        "files": files.iter().map(|f| json!({
            "path": f.path,
            "bytes": f.contents.len(),
            "sha256": sha256_hex(&f.contents),
        })).collect::<Vec<_>>(),
    });
    let mut bytes = serde_json::to_vec_pretty(&value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A zip archive of `files` under the folder `root`, byte-identical for
/// identical input: entries in path order, a fixed timestamp and
/// permissions.
pub fn zip(root: &str, files: &[RenderedFile]) -> anyhow::Result<Vec<u8>> {
    let mut sorted: Vec<&RenderedFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let entries: Vec<archive::Entry<'_>> = sorted
        .into_iter()
        .map(|f| archive::Entry {
            name: format!("{root}/{}", f.path),
            contents: &f.contents,
            shared: &f.shared,
        })
        .collect();
    archive::write(&entries)
}

/// Writes one customer's bundle: its folder (replaced whole) and its zip
/// (replaced atomically). Returns the number of notice documents written.
///
/// Whenever the process dies, the folder and the zip are each complete:
/// the previous version or the new one (or absent, before the first
/// bundle). They are two entries, replaced one after the other, so they can
/// be of different versions: for the instant between the folder's exchange
/// and the zip's rename (two system calls, nothing written in between), and
/// after a process killed in that instant, until the next run replaces
/// both. That is accepted: each is whole and describes itself (the
/// manifest is in both), they are handed out separately, and making them
/// one atomic unit would need them in one folder, another layout.
/// `beside` is what killed runs left in `out`, read once for the run
/// ([`crate::output::claim_bundle_root`]).
pub fn write_customer(
    out: &Path,
    id: &str,
    files: &[RenderedFile],
    beside: &crate::staging::Leftovers,
) -> anyhow::Result<usize> {
    let dir = customer_dir(out, id);
    let zip_path = out.join(format!("{id}.zip"));
    // Everything that can fail or needs space (the zip, the staged folder,
    // the staged zip) comes before the folder is replaced. Staging also
    // puts back a folder a killed run left moved aside, and refuses a
    // folder that is not seloste's; a zip may only be replaced beside
    // seloste's folder. Neither target is replaced before both checks.
    // Each error says what was left in place: the messages are all a
    // vendor sees of a failure in the middle of publishing.
    let kept = |e: anyhow::Error| {
        anyhow::anyhow!("{e:#} (nothing was replaced: the previous bundle is kept)")
    };
    let archive = zip(id, files).map_err(kept)?;
    let site = crate::output::stage_site_among(&dir, files, Some(beside)).map_err(kept)?;
    if zip_path.exists() && !dir.join(crate::output::MARKER).is_file() {
        return Err(kept(anyhow::anyhow!(
            "{} exists but was not written by seloste; refusing to replace it",
            zip_path.display()
        )));
    }
    let mut staged_zip = crate::output::staged_file_among(&zip_path, Some(beside)).map_err(kept)?;
    std::io::Write::write_all(&mut staged_zip, &archive)
        .map_err(|e| kept(anyhow::anyhow!("cannot write {}: {e}", zip_path.display())))?;
    // The two publishing steps, back to back; the previous folder is
    // deleted only after both.
    let replaced = site.publish().map_err(kept)?;
    let persisted = staged_zip.persist(&zip_path).map_err(|e| {
        anyhow::anyhow!(
            "the folder {} was replaced, but the zip could not be: cannot write {}: {} (the zip stays at the previous version until the next run)",
            dir.display(),
            zip_path.display(),
            e.error
        )
    });
    let removed = replaced.remove().map_err(|e| {
        anyhow::anyhow!("the new bundle is in place, but the previous folder could not be removed: {e:#} (the next run removes it)")
    });
    persisted?;
    removed?;
    Ok(files.iter().filter(|f| is_notice_document(&f.path)).count())
}

/// Whether a bundle's file is a notice in one language and format (what
/// "documents" counts), not an index, the logo, the manifest or a record.
pub fn is_notice_document(path: &str) -> bool {
    path.contains('/') && !path.ends_with("index.html") && !path.starts_with("records/")
}

/// The output folder of a customer.
pub fn customer_dir(out: &Path, id: &str) -> PathBuf {
    out.join(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_hex_is_the_lower_case_digest_of_the_published_test_vectors() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
