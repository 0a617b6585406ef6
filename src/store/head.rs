//! The log's head record: a few dozen bytes that say what is committed.
//!
//! ```json
//! {"format":1,"epoch":"lx9k2f3d1q","count":10000,"segment_size":128,"tail":"9c1f0e2ab47d3f10"}
//! ```
//! - `epoch`: the log generation. `replace_all` writes a whole new log under a new epoch and
//!   then flips the head, so another tab recognises a replaced log (and never mixes two).
//! - `count`: events committed (event ids are `1..=count`, without gaps).
//! - `segment_size`: events per segment, kept with the data so a build with another size still
//!   reads it.
//! - `tail`: fingerprint of the last committed event, so a head and a segment written by two
//!   tabs at the same instant (localStorage has no cross-tab lock) are caught, never trusted.
//!
//! Its size does not grow with the log (only `count`'s digits do), so appends cost O(1).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The only head format this build reads and writes.
pub const HEAD_FORMAT: u32 = 1;
/// Events per segment for new logs: an append rewrites at most one segment of ~10,000 characters.
pub const SEGMENT_SIZE: u32 = 128;
/// Largest segment size a head may claim (guards against absurd foreign values).
const MAX_SEGMENT_SIZE: u32 = 65_536;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub format: u32,
    pub epoch: String,
    pub count: u64,
    pub segment_size: u32,
    pub tail: String,
}

impl Head {
    /// The head of an empty log of generation `epoch`.
    pub fn empty(epoch: String) -> Head {
        Head {
            format: HEAD_FORMAT,
            epoch,
            count: 0,
            segment_size: SEGMENT_SIZE,
            tail: String::new(),
        }
    }

    /// Reads a head, or says in words why `raw` is not one of ours.
    pub fn parse(raw: &str) -> Result<Head, String> {
        let head: Head = serde_json::from_str(raw).map_err(|e| format!("not a log head ({e})"))?;
        if head.format != HEAD_FORMAT {
            return Err(format!(
                "head format {} is not {HEAD_FORMAT} (written by another version of the app?)",
                head.format
            ));
        }
        if !super::keys::is_epoch(&head.epoch) {
            return Err("the head's epoch is not a valid id".into());
        }
        if head.segment_size == 0 || head.segment_size > MAX_SEGMENT_SIZE {
            return Err(format!(
                "segment size {} is out of range",
                head.segment_size
            ));
        }
        if (head.count == 0) != head.tail.is_empty() {
            return Err("the head's tail fingerprint does not fit its event count".into());
        }
        Ok(head)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Segment holding event number `position` (0-based position in the log).
    pub fn segment_of(&self, position: u64) -> u64 {
        position / u64::from(self.segment_size)
    }

    /// Number of segments holding the committed events.
    pub fn segment_count(&self) -> u64 {
        self.count.div_ceil(u64::from(self.segment_size))
    }

    /// How many committed events segment `index` holds.
    pub fn committed_in(&self, index: u64) -> usize {
        let size = u64::from(self.segment_size);
        self.count.saturating_sub(index * size).min(size) as usize
    }
}

/// A short, stable fingerprint of one encoded event (FNV-1a, 64 bits, as 16 hex digits).
/// Computed over serde_json's canonical text of the value, which survives a parse/print round trip.
pub fn fingerprint(encoded: &Value) -> String {
    format!("{:016x}", fnv1a(encoded.to_string().as_bytes()))
}

/// FNV-1a: tiny, deterministic, good enough to tell two different events apart.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
