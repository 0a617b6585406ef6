//! Where events live. The log is the source of truth; the traditional table is kept beside it
//! exactly as a CRUD app would keep it (rows changed in place).
//!
//! # Keys (all under `event-sourcing-demo/v1/`, see [`keys`])
//! | key | value |
//! | --- | --- |
//! | `log/head` | the commit record: `{"format":1,"epoch":…,"count":…,"segment_size":128,"tail":…}` |
//! | `log/seg/{epoch}/{n}` | JSON array of up to 128 stored events: event ids `n*128+1 ..= (n+1)*128` |
//! | `orders/{order_id}` | one traditional row, overwritten in place (rows are found by key scan) |
//! | `backup/{timestamp}` | raw copy of all our keys, written when start-up finds damage |
//!
//! A stored event is the domain codec's event without field names:
//! `[event_id, order_id, version, schema_version, event_type, event_data, event_timestamp]`,
//! about 83 characters (166 bytes of quota), so about 60,000 events fit in Chromium's 10 MiB.
//!
//! # Appends cost O(1)
//! An append re-reads the head, rewrites the one segment that receives the event (at most 128
//! events, ~10 KB) and the head (~100 bytes): the same at 10 events and at 10,000. Segments are
//! written first and the head last: the head is the commit point, so an interrupted write can
//! leave uncommitted entries (ignored) but never a head counting events that are not stored.
//! A refused write (quota) rolls back the keys already written: nothing half-written.
//!
//! # Two tabs
//! Every write of the page runs under one exclusive Web Lock ([`write_lock`]): catch up, decide,
//! write, release, one tab at a time. The next holder first waits until the last holder's
//! commit has reached its own copy of localStorage (browsers pass other tabs' writes along as
//! messages), so nobody decides on a stale head. Every append still re-reads the head, catches
//! up with events other tabs appended and checks the order stream's version (optimistic
//! concurrency, like EventStoreDB's expected revision); `refresh()` does the same catch-up on
//! `storage` events. A replaced log (import, example, reset) has a new epoch, so other tabs
//! reload it instead of mixing generations. Without Web Locks two appends in the same few
//! milliseconds can still race: the head's `tail` fingerprint makes the loser notice (its tab
//! reloads) instead of trusting a mix, and start-up reports rows and events that disagree.
//!
//! # Bad data never loses data
//! [`SegmentedStore::open`] never fails. Damage (unreadable head or segment, foreign JSON,
//! unknown event type, gaps, unreadable rows, unknown keys) is listed in a [`Recovery`]; all our
//! raw values are copied to a backup key first; the valid prefix of the log is loaded; nothing
//! damaged is rewritten or deleted until the user calls [`SegmentedStore::discard_damaged`] (or
//! explicitly replaces the log). Meanwhile appends are refused with `NeedsDecision`.
//!
//! # What the page calls
//! - start-up: [`LocalStore::open`]`(LocalStorageKv)` (or [`MemoryStore::new`] when
//!   [`LocalStorageKv::available`] is false), then [`EventStore::events`],
//!   [`SegmentedStore::load_table`], [`SegmentedStore::recovery`].
//! - a command: [`SegmentedStore::append_with_row`] (events and the table's row, all or nothing).
//! - a `storage` event whose key [`keys::is_ours`] (or has no key): [`EventStore::refresh`], then
//!   `load_table()` again.
//! - import / example / reset: [`SegmentedStore::replace_all_with_table`].
//! - recovery banner: `recovery().summary()`, [`SegmentedStore::backup_download_text`],
//!   [`SegmentedStore::discard_damaged`]; backups: `backup_keys`, `backup_text`, `delete_backup`.
//! - storage meter: [`SegmentedStore::usage`], [`LOCAL_STORAGE_LIMIT_BYTES`],
//!   [`estimate_origin_quota`].

mod app_store;
mod disk_event;
mod event_store;
mod head;
pub mod keys;
mod kv;
mod local_kv;
mod log_reader;
mod log_writer;
mod memory_kv;
mod open;
mod orders_table;
mod problem;
mod recovery;
mod segmented_store;
mod store_sync;
mod store_table;
mod table_check;
mod usage;
#[cfg(target_arch = "wasm32")]
pub mod write_lock;
mod written_segment;

pub use app_store::AppStore;
pub use disk_event::{decode as decode_event, encode as encode_event, StoredEventError};
pub use event_store::{AppendError, EventStore, Refresh};
pub use head::{Head, SEGMENT_SIZE};
pub use kv::{KeyValue, KvError};
pub use local_kv::{kv_error_from_js, LocalStorageKv};
pub use memory_kv::{entry_bytes, MemoryKv};
pub use problem::Problem;
pub use recovery::{BackupStatus, Note, Recovery};
pub use segmented_store::{LocalStore, MemoryStore, SegmentedStore};
pub use table_check::{Disagreement, Mismatch};
pub use usage::{estimate_origin_quota, usage, OriginEstimate, Usage, LOCAL_STORAGE_LIMIT_BYTES};
