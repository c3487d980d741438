use std::collections::HashMap;

use crate::error::ApiError;
use crate::params::Params;

/// The ids of one kind of object in the order they were created, for Stripe's lists (newest
/// first, `created[gte|gt|lte|lt]`, `starting_after`) over tens of thousands of objects: a
/// window by binary search, a cursor by position, never a scan.
#[derive(Debug, Default)]
pub struct Timeline {
    /// `(created, id)`, ascending by `created`, ties in insertion order.
    entries: Vec<(i64, String)>,
    position: HashMap<String, usize>,
}

/// `created` as Stripe's lists take it: `created=T` or `created[gte|gt|lte|lt]=T`; a half-open
/// window `[from, until)`.
#[derive(Debug, Clone, Copy)]
pub struct Created {
    from: i64,
    until: i64,
}

impl Created {
    pub fn from_params(p: &Params) -> Result<Self, ApiError> {
        let mut window = Self { from: i64::MIN, until: i64::MAX };
        if let Some(at) = p.int("created").ok().flatten() {
            return Ok(Self { from: at, until: at.saturating_add(1) });
        }
        let Some(range) = p.hash("created")? else { return Ok(window) };
        range.allow_only(&["gte", "gt", "lte", "lt"])?;
        let bound = |name: &str| -> Result<Option<i64>, ApiError> {
            range.int(name).map_err(|_| ApiError::param_invalid(&format!("created[{name}]"), "Invalid integer"))
        };
        if let Some(t) = bound("gte")? {
            window.from = window.from.max(t);
        }
        if let Some(t) = bound("gt")? {
            window.from = window.from.max(t.saturating_add(1));
        }
        if let Some(t) = bound("lt")? {
            window.until = window.until.min(t);
        }
        if let Some(t) = bound("lte")? {
            window.until = window.until.min(t.saturating_add(1));
        }
        Ok(window)
    }
}

impl Timeline {
    pub fn push(&mut self, created: i64, id: String) {
        if self.entries.last().is_some_and(|(last, _)| *last > created) {
            let at = self.entries.partition_point(|(c, _)| *c <= created);
            self.entries.insert(at, (created, id));
            self.reindex(at);
        } else {
            self.position.insert(id.clone(), self.entries.len());
            self.entries.push((created, id));
        }
    }

    /// Many at once (generated history): sorted and indexed once.
    pub fn extend(&mut self, items: impl IntoIterator<Item = (i64, String)>) {
        self.entries.extend(items);
        self.entries.sort_by_key(|(created, _)| *created);
        self.reindex(0);
    }

    fn reindex(&mut self, from: usize) {
        for (i, (_, id)) in self.entries.iter().enumerate().skip(from) {
            self.position.insert(id.clone(), i);
        }
    }

    /// The ids created within `created`, newest first, after `starting_after` (which must be
    /// one of them: Stripe's "No such <object>" otherwise).
    pub fn newest_first(
        &self,
        created: Created,
        starting_after: Option<&str>,
        object: &str,
    ) -> Result<impl Iterator<Item = &str>, ApiError> {
        let from = self.entries.partition_point(|(c, _)| *c < created.from);
        let mut until = self.entries.partition_point(|(c, _)| *c < created.until);
        if let Some(after) = starting_after {
            let at = *self.position.get(after).ok_or_else(|| ApiError::no_such(object, after, "starting_after"))?;
            until = until.min(at);
        }
        Ok(self.entries[from..until.max(from)].iter().rev().map(|(_, id)| id.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_cursors_page_newest_first() {
        let mut t = Timeline::default();
        t.extend([(30, "c".into()), (10, "a".into()), (20, "b".into())]);
        t.push(40, "d".into());
        t.push(15, "late".into());
        let all = Created { from: i64::MIN, until: i64::MAX };
        let ids = |created, after| t.newest_first(created, after, "charge").unwrap().collect::<Vec<_>>();
        assert_eq!(ids(all, None), ["d", "c", "b", "late", "a"]);
        assert_eq!(ids(all, Some("b")), ["late", "a"]);
        assert_eq!(ids(Created { from: 15, until: 30 }, None), ["b", "late"]);
        assert_eq!(ids(Created { from: 15, until: 30 }, Some("d")), ["b", "late"]);
        assert!(t.newest_first(all, Some("nope"), "charge").is_err());
    }
}
