//! The connected accounts the page offered in the template, with their current emails: what an
//! upload is checked against. Built once; looked up once per row.
//!
//! Kept compact because a platform may have a million accounts and the worker's memory is the
//! page's: every ID and email lives in one `String`, an account is two `u32` offsets into it, and
//! the index is a hash table of `u32` account numbers (4 bytes a slot) hashed by ID. A
//! `HashMap<String, String>` would spend some 80 bytes an account on pointers and allocations.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::DefaultHashBuilder;

use hashbrown::HashTable;
use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The accounts an upload may name, and the email each has now.
///
/// Crosses to the worker as JSON: a list of `[id, email]` pairs, `email` `null` or `""` when
/// the account has none.
///
/// ```
/// use account_emails::KnownAccounts;
/// let known: KnownAccounts =
///     [("acct_123abc", Some("old@example.com")), ("acct_456def", None)].into_iter().collect();
/// assert_eq!(known.current_email("acct_123abc"), Some(Some("old@example.com")));
/// assert_eq!(known.current_email("acct_456def"), Some(None));
/// assert_eq!(known.current_email("acct_789ghi"), None);
/// ```
#[derive(Clone, Default)]
pub struct KnownAccounts {
    /// Every ID followed by its email, back to back.
    text: String,
    /// Account `i`'s ID is `text[bounds[2i]..bounds[2i + 1]]`, its email
    /// `text[bounds[2i + 1]..bounds[2i + 2]]`; `bounds` starts with a 0.
    bounds: Vec<u32>,
    /// Account numbers, hashed by ID.
    index: HashTable<u32>,
    /// foldhash (hashbrown's, randomly seeded): several times SipHash's speed on short IDs.
    hasher: DefaultHashBuilder,
}

impl KnownAccounts {
    /// No accounts yet.
    pub fn new() -> Self {
        Self::with_capacity(0, 0)
    }

    /// Room for `accounts` accounts whose IDs and emails add up to `text_bytes` bytes.
    pub fn with_capacity(accounts: usize, text_bytes: usize) -> Self {
        let mut bounds = Vec::with_capacity(2 * accounts + 1);
        bounds.push(0);
        Self {
            text: String::with_capacity(text_bytes),
            bounds,
            index: HashTable::with_capacity(accounts),
            hasher: DefaultHashBuilder::default(),
        }
    }

    /// Adds an account; `false` (and nothing changed) if it is known already. An empty email
    /// is no email.
    ///
    /// # Panics
    ///
    /// Past 4 GiB of IDs and emails (some 90 million accounts), which offsets of `u32` cannot
    /// address.
    pub fn insert(&mut self, id: &str, email: Option<&str>) -> bool {
        if self.find(id).is_some() {
            return false;
        }
        let number = u32::try_from(self.len()).expect("more than 4 billion known accounts");
        self.text.push_str(id);
        self.bounds.push(offset(self.text.len()));
        self.text.push_str(email.unwrap_or(""));
        self.bounds.push(offset(self.text.len()));
        let hash = self.hasher.hash_one(id.as_bytes());
        let (text, bounds, hasher) = (&self.text, &self.bounds, &self.hasher);
        self.index.insert_unique(hash, number, |&n| hasher.hash_one(id_of(text, bounds, n).as_bytes()));
        true
    }

    /// How many accounts.
    pub fn len(&self) -> usize {
        self.bounds.len() / 2
    }

    /// No accounts at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether this platform has an account with this ID.
    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_some()
    }

    /// `None` for an unknown account; `Some(None)` for a known one without an email.
    pub fn current_email(&self, id: &str) -> Option<Option<&str>> {
        self.find(id).map(|n| self.email(n))
    }

    /// Every account, in the order added, with its email.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, Option<&str>)> + '_ {
        (0..self.len() as u32).map(|n| (self.id(n), self.email(n)))
    }

    /// The account number of an ID.
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id.as_bytes());
        self.index.find(hash, |&n| self.id(n) == id).copied()
    }

    pub(crate) fn id(&self, n: u32) -> &str {
        id_of(&self.text, &self.bounds, n)
    }

    pub(crate) fn email(&self, n: u32) -> Option<&str> {
        let email = slice(&self.text, &self.bounds, 2 * n as usize + 1);
        (!email.is_empty()).then_some(email)
    }

    /// Bytes held, for the benchmark's memory figures.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.bounds.capacity() * 4 + self.index.allocation_size()
    }
}

fn id_of<'t>(text: &'t str, bounds: &[u32], n: u32) -> &'t str {
    slice(text, bounds, 2 * n as usize)
}

/// The `i`th piece of `text`; empty past the end (an account number from another
/// `KnownAccounts` than the one a review was made with).
fn slice<'t>(text: &'t str, bounds: &[u32], i: usize) -> &'t str {
    match (bounds.get(i), bounds.get(i + 1)) {
        (Some(&start), Some(&end)) => text.get(start as usize..end as usize).unwrap_or(""),
        _ => "",
    }
}

fn offset(len: usize) -> u32 {
    u32::try_from(len).expect("known accounts' IDs and emails exceed 4 GiB")
}

impl<'a> FromIterator<(&'a str, Option<&'a str>)> for KnownAccounts {
    fn from_iter<I: IntoIterator<Item = (&'a str, Option<&'a str>)>>(iter: I) -> Self {
        let mut known = Self::new();
        for (id, email) in iter {
            known.insert(id, email);
        }
        known
    }
}

impl fmt::Debug for KnownAccounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl PartialEq for KnownAccounts {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for KnownAccounts {}

impl Serialize for KnownAccounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for pair in self.iter() {
            seq.serialize_element(&pair)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for KnownAccounts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = KnownAccounts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of [account ID, email or null] pairs")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KnownAccounts, A::Error> {
                // Cap what a claimed size may reserve: it comes from the sender.
                let mut known = KnownAccounts::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20), 0);
                while let Some((id, email)) = seq.next_element::<(String, Option<String>)>()? {
                    known.insert(&id, email.as_deref());
                }
                Ok(known)
            }
        }
        deserializer.deserialize_seq(Pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_and_keeps_the_first_of_a_duplicate() {
        let mut known = KnownAccounts::new();
        assert!(known.is_empty());
        assert!(known.insert("acct_1", Some("a@example.com")));
        assert!(known.insert("acct_2", Some("")));
        assert!(!known.insert("acct_1", Some("other@example.com")));
        assert_eq!(known.len(), 2);
        assert_eq!(known.current_email("acct_1"), Some(Some("a@example.com")));
        assert_eq!(known.current_email("acct_2"), Some(None));
        assert!(!known.contains("acct_3"));
        assert!(!known.contains("acct_"));
    }

    #[test]
    fn many_accounts() {
        let ids: Vec<String> = (0..100_000).map(|i| format!("acct_{i:016}")).collect();
        let known: KnownAccounts = ids.iter().map(|id| (id.as_str(), None)).collect();
        assert_eq!(known.len(), 100_000);
        assert!(ids.iter().all(|id| known.contains(id)));
        assert!(!known.contains("acct_0000000000100000"));
    }

    #[test]
    fn json_is_a_list_of_pairs() {
        let known: KnownAccounts = [("acct_1", Some("a@example.com")), ("acct_2", None)].into_iter().collect();
        let json = serde_json::to_string(&known).unwrap();
        assert_eq!(json, r#"[["acct_1","a@example.com"],["acct_2",null]]"#);
        let back: KnownAccounts = serde_json::from_str(r#"[["acct_1","a@example.com"],["acct_2",""]]"#).unwrap();
        assert_eq!(back, known);
    }
}
