//! Backup posture: for every data store, the copies of its data, the media holding them and
//! whether one is off-site, computed across resources once per document (the counting rules
//! are in `docs/backup-posture.md`).
//!
//! It is computed here, in Rust, rather than in a Rego library: finding a store's sources
//! means joining several resource types through references, tags and provider regions, and the
//! result is data the JSON report and the review document show (with the file and line of
//! every source) as much as something rules read. Rules read it as `input.backup_posture`
//! (through `data.tenet.lib.backup`), so the BK rules stay one condition each.

mod aws;
mod clouds;
mod kubernetes;
mod terraform;

use serde::Serialize;

use crate::ir::{AttrPath, Document, InputKind};

/// The document field rules read the posture from.
pub const INPUT_FIELD: &str = "backup_posture";

/// The storage system holding one copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// The store itself (its live data, object versions kept in it, a replica of the same
    /// service in another place).
    Store,
    /// The service's own snapshots or automated backups.
    ServiceSnapshots,
    /// An AWS Backup vault.
    BackupVault,
    /// Objects in another bucket (S3 replication).
    ObjectStorage,
    /// Objects in an archive storage class (S3 Glacier, Deep Archive).
    ArchiveStorage,
    /// A Velero backup storage location.
    VeleroObjectStore,
}

impl Medium {
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Store => "the store itself",
            Medium::ServiceSnapshots => "service snapshots",
            Medium::BackupVault => "AWS Backup vault",
            Medium::ObjectStorage => "object storage",
            Medium::ArchiveStorage => "archive storage",
            Medium::VeleroObjectStore => "Velero object store",
        }
    }
}

/// How long a copy is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Retention {
    Days(u64),
    /// Kept until someone deletes it (no expiry configured).
    Indefinite,
}

impl Serialize for Retention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Retention::Days(days) => serializer.serialize_u64(*days),
            Retention::Indefinite => serializer.serialize_str("indefinite"),
        }
    }
}

/// One backup source of a store: one more copy of its data.
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    /// What the copy is, for people: "automated backups (7 days)".
    pub kind: String,
    /// The resource that configures it (the store itself for its own settings).
    pub resource: String,
    pub file: String,
    pub line: usize,
    pub medium: Medium,
    /// In another region or account than the store: `None` when that cannot be known.
    pub off_site: Option<bool>,
    pub retention_days: Option<Retention>,
}

/// The posture of one data store.
#[derive(Clone, Debug, Serialize)]
pub struct Posture {
    /// The store's resource address.
    pub store: String,
    #[serde(rename = "type")]
    pub store_type: String,
    pub file: String,
    pub line: usize,
    /// Where in the resource the store is (`spec.volumeClaimTemplates[0]`), else `[]`.
    pub path: AttrPath,
    /// The live data plus one per source.
    pub copies: usize,
    /// Distinct media holding the copies, the store itself included.
    pub media: usize,
    /// The media of the backups (not counting the store itself).
    pub backup_media: Vec<Medium>,
    pub off_site: Option<bool>,
    /// The longest retention among the sources (`None`: no source, or none known).
    pub retention_days: Option<Retention>,
    pub sources: Vec<Source>,
    /// Unknown values that could add a copy or decide off-site: the verdict waits on them.
    pub unknown: Vec<String>,
    /// `3-2-1`, `partial`, `no backup` or `undecided`.
    pub verdict: &'static str,
}

/// A store before counting: its sources and the unknowns met while looking for them.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub sources: Vec<Source>,
    pub unknown: Vec<String>,
}

impl Draft {
    /// A replica of the store (read replica, replicated bucket or file system) is a copy only
    /// in another region or account: a replica next to the store repeats every deletion and
    /// corruption in the same place. Unknown placement keeps the count open.
    pub fn add_replica(&mut self, source: Source) {
        match source.off_site {
            Some(true) => self.sources.push(source),
            Some(false) => {}
            None => self.unknown.push(format!(
                "{}: whether this {} is in another region or account is unknown",
                source.resource, source.kind
            )),
        }
    }

    fn finish(
        mut self,
        store: String,
        store_type: String,
        file: String,
        line: usize,
        path: AttrPath,
    ) -> Posture {
        self.sources.sort_by(|a, b| {
            (&a.file, a.line, &a.kind, &a.resource).cmp(&(&b.file, b.line, &b.kind, &b.resource))
        });
        self.unknown.sort();
        self.unknown.dedup();
        let mut backup_media: Vec<Medium> = self.sources.iter().map(|s| s.medium).collect();
        backup_media.sort();
        backup_media.dedup();
        let media = 1 + backup_media.iter().filter(|m| **m != Medium::Store).count();
        let off_site = if self.sources.iter().any(|s| s.off_site == Some(true)) {
            Some(true)
        } else if self.sources.iter().any(|s| s.off_site.is_none()) {
            None
        } else {
            Some(false)
        };
        let retention_days = self.sources.iter().filter_map(|s| s.retention_days).max();
        let copies = 1 + self.sources.len();
        let complete = copies >= 3 && off_site == Some(true) && backup_media.len() >= 2;
        let verdict = if complete {
            "3-2-1"
        } else if !self.unknown.is_empty() || (!self.sources.is_empty() && off_site.is_none()) {
            "undecided"
        } else if self.sources.is_empty() {
            "no backup"
        } else {
            "partial"
        };
        Posture {
            store,
            store_type,
            file,
            line,
            path,
            copies,
            media,
            backup_media,
            off_site,
            retention_days,
            sources: self.sources,
            unknown: self.unknown,
            verdict,
        }
    }
}

/// Computes the posture of every data store, stores it in each document (`backup_posture`,
/// which rules read) and returns every row for reports, sorted by file and line.
pub fn compute(documents: &mut [Document]) -> Vec<Posture> {
    let mut rows = Vec::new();
    for document in documents.iter_mut() {
        if matches!(
            document.kind,
            InputKind::Terraform | InputKind::TerraformPlan
        ) {
            let postures = terraform::postures(document);
            attach(document, &postures);
            rows.extend(postures);
        }
    }
    let kubernetes = kubernetes::postures(documents);
    for (index, postures) in kubernetes {
        if let Some(document) = documents.get_mut(index) {
            attach(document, &postures);
        }
        rows.extend(postures);
    }
    rows.sort_by(|a, b| (&a.file, a.line, &a.store).cmp(&(&b.file, b.line, &b.store)));
    rows
}

fn attach(document: &mut Document, postures: &[Posture]) {
    if postures.is_empty() {
        return;
    }
    if let Ok(value) = serde_json::to_value(postures) {
        document.extra.insert(INPUT_FIELD.to_string(), value);
    }
}

/// The 1-based line of `offset` in `file` of `document` (1 when the file is not loaded).
pub(crate) fn line_of(document: &Document, file: &str, offset: usize) -> usize {
    document
        .file(file)
        .map_or(1, |source| source.position(offset).line)
}
