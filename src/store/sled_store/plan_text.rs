//! The plan's tasks as records of their own (schema 6): the catalog record
//! holds their compact index ([`TaskIndex`]: id, area, units, cadence,
//! deadline), which a screen's owner reads at start; the tasks' texts (their
//! titles and the plan's words) are records beside it, read when needed. A
//! catalog stored whole by an earlier schema is split when the store opens.
//!
//! The texts are kept in [`CHUNKS`] records, each task's in the one its id
//! hashes to: reading a few tasks' texts reads a few small records, and
//! reading all of them reads a thousand, not one per task (sled's cost per
//! record made a one-shot command on 100,000 separate records half again as
//! slow).
//!
//! [`TaskIndex`]: crate::domain::catalog::TaskIndex

use super::*;
use crate::domain::catalog::TaskText;

pub(super) const TEXT: &str = "text/";
const CHUNKS: u32 = 1024;

/// The chunk holding the text of task `id`: FNV-1a of its id, the same in
/// every build.
fn chunk_of(id: &str) -> u32 {
    let hash = id.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    hash % CHUNKS
}

fn chunk_key(chunk: u32) -> String {
    format!("{TEXT}{chunk:04}")
}

/// The texts in one chunk record, by task id.
type Chunk = Vec<(String, TaskText)>;

/// A catalog as records: its index, and its tasks' texts in chunks.
pub(super) fn catalog_records(catalog: &Catalog) -> Result<Vec<Record>, CodecError> {
    let mut chunks: BTreeMap<u32, Chunk> = BTreeMap::new();
    for task in &catalog.tasks {
        chunks
            .entry(chunk_of(&task.id))
            .or_default()
            .push((task.id.clone(), task.text()));
    }
    let mut records = Vec::with_capacity(chunks.len() + 1);
    records.push((CATALOG_KEY.to_vec(), codec::encode(&catalog.index_ref())?));
    for (chunk, texts) in &chunks {
        records.push((chunk_key(*chunk).into_bytes(), codec::encode(texts)?));
    }
    Ok(records)
}

impl SledStore {
    /// The stored catalog: its tasks without their texts, save in a store
    /// whose catalog could not be split.
    pub(super) fn read_catalog(&self) -> Result<Catalog, StoreError> {
        let bytes = self
            .db()?
            .get(CATALOG_KEY)
            .map_err(|e| self.sled_error(e))?
            .ok_or_else(|| self.corrupt("no catalog"))?;
        catalog_record::decode(&bytes).map_err(|e| self.decode_error("catalog", e))
    }

    /// Every task's text by id; a chunk that cannot be read is set aside
    /// (its tasks show no title) instead of failing the load.
    pub(super) fn read_texts(
        &self,
        set_aside: &mut Vec<SetAside>,
    ) -> Result<impl Iterator<Item = (String, TaskText)> + use<>, StoreError> {
        let chunks: BTreeMap<u32, Chunk> =
            self.read_prefix(TEXT, |chunk| chunk.parse().ok(), set_aside)?;
        Ok(chunks.into_values().flatten())
    }

    /// The texts of the tasks `ids` that have one stored and readable.
    pub(super) fn texts_of(&self, ids: &[String]) -> Result<Vec<(String, TaskText)>, StoreError> {
        let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
        let chunks: std::collections::BTreeSet<u32> = ids.iter().map(|id| chunk_of(id)).collect();
        let mut texts = Vec::with_capacity(ids.len());
        for chunk in chunks {
            let key = chunk_key(chunk);
            let Some(bytes) = self.db()?.get(key).map_err(|e| self.sled_error(e))? else {
                continue;
            };
            if let Ok(chunk) = codec::decode::<Chunk>(&bytes) {
                texts.extend(
                    chunk
                        .into_iter()
                        .filter(|(id, _)| wanted.contains(id.as_str())),
                );
            }
        }
        Ok(texts)
    }

    /// The text chunks `catalog` leaves empty: written again, it drops them.
    pub(super) fn stale_texts(&self, catalog: &Catalog) -> Result<Vec<Vec<u8>>, StoreError> {
        let kept: std::collections::HashSet<Vec<u8>> = catalog
            .tasks
            .iter()
            .map(|t| chunk_key(chunk_of(&t.id)).into_bytes())
            .collect();
        let mut stale = Vec::new();
        for key in self.db()?.scan_prefix(TEXT).keys() {
            let key = key.map_err(|e| self.sled_error(e))?;
            if !kept.contains(key.as_ref()) {
                stale.push(key.to_vec());
            }
        }
        Ok(stale)
    }

    /// Brings a store of an earlier schema to this one: a catalog stored
    /// whole becomes its index and its tasks' texts, in one transaction with
    /// the store's schema mark, made durable before the store is used. A
    /// catalog that cannot be read stays as it was, to be reported when
    /// loaded.
    pub(super) fn split_catalog(&mut self) -> Result<(), StoreError> {
        let whole = self
            .read_catalog()
            .ok()
            .filter(|c| c.tasks.iter().any(|t| !t.lacks_text()));
        let records = match &whole {
            Some(catalog) => catalog_records(catalog).map_err(|e| self.corrupt(&e.to_string()))?,
            None => Vec::new(),
        };
        let result: Result<(), TransactionError<CodecError>> = self.db()?.transaction(|tx| {
            for (key, value) in &records {
                tx.insert(key.as_slice(), value.as_slice())?;
            }
            tx.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_le_bytes())?;
            Ok(())
        });
        self.made_durable(result)
    }
}
