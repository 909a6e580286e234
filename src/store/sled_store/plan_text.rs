//! The plan's tasks as records of their own (schema 6): the catalog record
//! holds their compact index ([`TaskIndex`]: id, area, units, cadence,
//! deadline), which a screen's owner reads at start; each task's text (its
//! titles and the plan's words) is a record `text/ID`, read when needed. A
//! catalog stored whole by an earlier schema is split when the store opens.
//!
//! [`TaskIndex`]: crate::domain::catalog::TaskIndex

use super::*;
use crate::domain::catalog::TaskText;

pub(super) const TEXT: &str = "text/";

/// A catalog as records: its index, and each task's text.
pub(super) fn catalog_records(catalog: &Catalog) -> Result<Vec<Record>, CodecError> {
    let mut records = Vec::with_capacity(catalog.tasks.len() + 1);
    records.push((CATALOG_KEY.to_vec(), codec::encode(&catalog.index_ref())?));
    for task in &catalog.tasks {
        records.push(record(TEXT, &task.id, &task.text())?);
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

    /// Every task's text by id; one that cannot be read is set aside (its
    /// task shows no title) instead of failing the load.
    pub(super) fn read_texts(
        &self,
        set_aside: &mut Vec<SetAside>,
    ) -> Result<BTreeMap<String, TaskText>, StoreError> {
        self.read_prefix(TEXT, |id| Some(id.to_string()), set_aside)
    }

    /// The texts of the tasks `ids` that have one stored and readable.
    pub(super) fn texts_of(&self, ids: &[String]) -> Result<Vec<(String, TaskText)>, StoreError> {
        let mut texts = Vec::with_capacity(ids.len());
        for id in ids {
            let key = format!("{TEXT}{id}");
            let Some(bytes) = self.db()?.get(key).map_err(|e| self.sled_error(e))? else {
                continue;
            };
            if let Ok(text) = codec::decode(&bytes) {
                texts.push((id.clone(), text));
            }
        }
        Ok(texts)
    }

    /// The text records of tasks `catalog` no longer has.
    pub(super) fn stale_texts(&self, catalog: &Catalog) -> Result<Vec<Vec<u8>>, StoreError> {
        let kept: std::collections::HashSet<&str> =
            catalog.tasks.iter().map(|t| t.id.as_str()).collect();
        let mut stale = Vec::new();
        for key in self.db()?.scan_prefix(TEXT).keys() {
            let key = key.map_err(|e| self.sled_error(e))?;
            let id = std::str::from_utf8(&key[TEXT.len()..]).unwrap_or_default();
            if !kept.contains(id) {
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
