//! Source files held in memory, and the mapping from byte offsets to
//! line and column that every diagnostic needs.
//!
//! Like rustc's source map, every file occupies its own range of one global
//! offset space, so a span alone says which file it points into. A notice
//! combined from several files (a service and a customer, a notice and its
//! shared fragments) can then carry spans from all of them, and each
//! diagnostic lands in the file that holds the item.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A byte range in the global offset space of a [`SourceMap`].
pub type Span = Range<usize>;

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub usize);

/// One loaded file: its path as the user gave it, and its text.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// Global offset of the file's first byte.
    pub start: usize,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        Self::at(0, path, text)
    }

    /// A file whose first byte is at global offset `start`.
    pub fn at(start: usize, path: PathBuf, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            start,
            line_starts,
        }
    }

    /// The file-local byte offset of a global offset.
    pub fn local(&self, global: usize) -> usize {
        global.saturating_sub(self.start).min(self.text.len())
    }

    /// 1-based line and column (in characters) of a global offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.local(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        // A span may end inside a multi-byte character after recovery; count
        // characters up to the nearest boundary at or before it.
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        (line + 1, column)
    }
}

/// Every file read during one run, so diagnostics can refer to them by id.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    /// Where the next file's range starts.
    next_start: usize,
}

impl SourceMap {
    /// Adds a file after the ones already held.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        let start = self.reserve(text.len());
        self.add_at(start, path, text)
    }

    /// Reserves a range for a file of up to `len` bytes, for loaders that
    /// decode files in parallel before adding them. Returns its start.
    pub fn reserve(&mut self, len: usize) -> usize {
        let start = self.next_start;
        // One byte of gap, so that the end of one file is not the start of
        // the next.
        self.next_start = start + len + 1;
        start
    }

    /// Adds a file at a start returned by [`SourceMap::reserve`], in order.
    pub fn add_at(&mut self, start: usize, path: PathBuf, text: String) -> FileId {
        debug_assert!(self.files.last().is_none_or(|f| f.start < start));
        self.files.push(SourceFile::at(start, path, text));
        FileId(self.files.len() - 1)
    }

    /// The file a global offset falls into.
    pub fn file_of(&self, offset: usize) -> FileId {
        let i = self.files.partition_point(|f| f.start <= offset);
        FileId(i.saturating_sub(1))
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_global_across_files() {
        let mut map = SourceMap::default();
        let a = map.add("a".into(), "x = 1\n".into());
        let b = map.add("b".into(), "y = 2\n".into());
        let start_b = map.get(b).start;
        assert_eq!(map.file_of(0), a);
        assert_eq!(map.file_of(6), a, "the end of a file is still that file");
        assert_eq!(map.file_of(start_b), b);
        assert_eq!(map.get(b).line_col(start_b + 4), (1, 5));
    }

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("x".into(), "ab\nää = 1\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // "ää" is four bytes, two characters.
        assert_eq!(f.line_col(7), (2, 3));
        assert_eq!(f.line_col(999), (3, 1));
    }
}
