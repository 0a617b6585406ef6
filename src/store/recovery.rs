//! The recovery report of start-up, and the backup of damaged data.
//!
//! When anything under our keys is found damaged, every one of our keys (except older backups)
//! is copied verbatim into one JSON document under `event-sourcing-demo/v1/backup/{timestamp}`:
//!
//! ```json
//! {"fingerprint":"…","created":"2026-01-02T03:04:05.678Z","problems":["…"],"entries":{"key":"raw value"}}
//! ```
//! `fingerprint` comes first so a later start-up that finds the same damaged data recognises its
//! backup by reading a prefix, instead of writing one more copy on every reload. An existing
//! backup key is never overwritten. The same text is offered as a download, and it is kept in
//! memory, so the download works even when the backup could not be written (storage full).

use super::head::fnv1a;
use super::keys::{self, KeyKind};
use super::kv::KeyValue;
use super::Problem;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::fmt;

/// Things start-up did or noticed that are not damage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Entries written by an append that was interrupted before its head was written: ignored,
    /// they were never committed.
    UncommittedTail { events: usize },
    /// Segments of another log generation (an interrupted import, or one in progress in another
    /// tab): ignored, removed by the next replace.
    LeftoverSegments { count: usize },
    /// The traditional table was missing while events existed, so it was rebuilt from them.
    TraditionalRebuilt { rows: usize },
    /// The traditional table was missing but could not be rebuilt (storage full?).
    TraditionalRebuildFailed { reason: String },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UncommittedTail { events } => write!(
                f,
                "{events} event(s) from an interrupted save were never committed and were ignored."
            ),
            Self::LeftoverSegments { count } => write!(
                f,
                "{count} segment(s) left over from an interrupted import were ignored."
            ),
            Self::TraditionalRebuilt { rows } => write!(
                f,
                "The traditional table was missing, so its {rows} row(s) were rebuilt from the event log."
            ),
            Self::TraditionalRebuildFailed { reason } => write!(
                f,
                "The traditional table was missing and could not be rebuilt: {reason}."
            ),
        }
    }
}

/// Where the damaged data was preserved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupStatus {
    /// Nothing was damaged.
    NotNeeded,
    /// A new backup was written under `key`.
    Written { key: String },
    /// The same damaged data was already backed up under `key` (an earlier start-up).
    AlreadyKept { key: String },
    /// The backup could not be written; the damaged data is still untouched in place.
    Failed { reason: String },
}

/// What start-up found. Shown as the recovery banner when [`Recovery::has_problems`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub problems: Vec<Problem>,
    pub notes: Vec<Note>,
    /// Events the head claimed (0 when there was no readable head).
    pub claimed_events: u64,
    /// Events loaded: the valid prefix of the log.
    pub kept_events: u64,
    pub backup: BackupStatus,
    /// The backup document, for download (present whenever there are problems).
    pub backup_text: Option<String>,
}

impl Recovery {
    pub fn clean(kept_events: u64) -> Recovery {
        Recovery {
            problems: Vec::new(),
            notes: Vec::new(),
            claimed_events: kept_events,
            kept_events,
            backup: BackupStatus::NotNeeded,
            backup_text: None,
        }
    }

    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Whether the event log itself is damaged (then appends wait for the user's decision).
    pub fn log_damaged(&self) -> bool {
        self.problems.iter().any(Problem::damages_log)
    }

    /// Whether writes wait for the user's decision: the log is damaged, or the traditional
    /// table disagrees with it (writing on would build on rows that are already wrong).
    pub fn needs_decision(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.damages_log() || matches!(p, Problem::TableDisagrees { .. }))
    }

    /// One paragraph for the banner: what was found, what was kept, where the raw data is.
    pub fn summary(&self) -> String {
        if !self.has_problems() {
            return String::new();
        }
        let mut text = String::from("Stored data is damaged. ");
        for problem in &self.problems {
            text.push_str(&problem.to_string());
            text.push(' ');
        }
        if self.log_damaged() {
            text.push_str(&format!(
                "The {} valid event(s) before the damage are loaded{}. ",
                self.kept_events,
                if self.claimed_events > self.kept_events {
                    format!(" (the log claimed {})", self.claimed_events)
                } else {
                    String::new()
                }
            ));
        }
        text.push_str(&match &self.backup {
            BackupStatus::Written { key } | BackupStatus::AlreadyKept { key } => format!(
                "Nothing was overwritten: the raw data is kept under the key \"{key}\" and can be downloaded."
            ),
            BackupStatus::Failed { reason } => format!(
                "Nothing was overwritten, but no backup copy could be written ({reason}): download the raw data before discarding anything."
            ),
            BackupStatus::NotNeeded => String::new(),
        });
        text
    }

    /// A file name for the backup download.
    pub fn backup_file_name(&self) -> String {
        "event-sourcing-demo-backup.json".to_string()
    }
}

/// Copies every one of our keys (except backups) into a backup document and stores it, unless
/// the same data is already backed up. Returns the status and the document.
pub fn back_up(
    kv: &dyn KeyValue,
    problems: &[Problem],
    now: DateTime<Utc>,
) -> (BackupStatus, String) {
    let mut entries = BTreeMap::new();
    let mut backups = Vec::new();
    for key in kv.keys() {
        match keys::classify(&key) {
            None => {}
            Some(KeyKind::Backup) => backups.push(key),
            Some(_) => {
                if let Some(value) = kv.get(&key) {
                    entries.insert(key, value);
                }
            }
        }
    }
    let mut hashed = Vec::new();
    for (key, value) in &entries {
        hashed.extend_from_slice(key.as_bytes());
        hashed.push(0);
        hashed.extend_from_slice(value.as_bytes());
        hashed.push(0);
    }
    let print = format!("{:016x}", fnv1a(&hashed));
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let text = format!(
        "{{\"fingerprint\":\"{print}\",\"created\":{},\"problems\":{},\"entries\":{}}}",
        json(&crate::domain::rfc3339::format(now)),
        json(&problems),
        json(&entries),
    );
    let marker = format!("{{\"fingerprint\":\"{print}\"");
    backups.sort();
    for key in backups {
        if kv.get(&key).is_some_and(|v| v.starts_with(&marker)) {
            return (BackupStatus::AlreadyKept { key }, text);
        }
    }
    let stamp = now.format("%Y%m%dT%H%M%S%.3fZ").to_string();
    let mut key = keys::backup(&stamp);
    let mut n = 2;
    while kv.get(&key).is_some() {
        key = keys::backup(&format!("{stamp}-{n}"));
        n += 1;
    }
    let status = match kv.set(&key, &text) {
        Ok(()) => BackupStatus::Written { key },
        Err(e) => BackupStatus::Failed {
            reason: e.to_string(),
        },
    };
    (status, text)
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}
