//! One day's objects of a resource as a Parquet file (arrow-rs' `ArrowWriter`, Snappy), written
//! beside its final name and renamed into place, so a reader never sees half a file and a run
//! that stopped midway leaves only whole files behind.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Int64Builder, StringBuilder, TimestampMillisecondBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;

use super::schema::{Kind, Resource};

/// The Arrow schema of a resource's files: every column nullable (Stripe's fields are null
/// where they do not apply).
pub fn arrow_schema(resource: &Resource) -> Arc<Schema> {
    let fields: Vec<Field> = resource
        .columns
        .iter()
        .map(|c| {
            let kind = match c.kind {
                Kind::Text | Kind::Json => DataType::Utf8,
                Kind::Int => DataType::Int64,
                Kind::Bool => DataType::Boolean,
                Kind::Time => DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
            };
            Field::new(c.name, kind, true)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Bool(BooleanBuilder),
    Time(TimestampMillisecondBuilder),
}

/// The objects of one day (UTC) of one resource, as columns.
pub struct DayBatch {
    pub day: String,
    resource: Resource,
    builders: Vec<Builder>,
    pub rows: usize,
}

impl DayBatch {
    pub fn new(resource: Resource, day: String) -> Self {
        let builders = resource
            .columns
            .iter()
            .map(|c| match c.kind {
                Kind::Text | Kind::Json => Builder::Text(StringBuilder::new()),
                Kind::Int => Builder::Int(Int64Builder::new()),
                Kind::Bool => Builder::Bool(BooleanBuilder::new()),
                Kind::Time => Builder::Time(TimestampMillisecondBuilder::new().with_timezone("UTC")),
            })
            .collect();
        Self { day, resource, builders, rows: 0 }
    }

    /// One object's row: each column's field, null where Stripe's object has none (or another
    /// type than the column's).
    pub fn push(&mut self, object: &Value) {
        for (column, builder) in self.resource.columns.iter().zip(&mut self.builders) {
            let value = object.pointer(column.path).filter(|v| !v.is_null());
            match builder {
                Builder::Text(b) if column.kind == Kind::Json => b.append_option(value.map(Value::to_string)),
                Builder::Text(b) => b.append_option(value.and_then(Value::as_str)),
                Builder::Int(b) => b.append_option(value.and_then(Value::as_i64)),
                Builder::Bool(b) => b.append_option(value.and_then(Value::as_bool)),
                // Parquet's timestamps count milliseconds at the coarsest; Stripe's seconds.
                Builder::Time(b) => b.append_option(value.and_then(Value::as_i64).map(|s| s * 1000)),
            }
        }
        self.rows += 1;
    }

    /// Writes the day to `dir/<resource>/date=<day>/<file_name>` (replacing a file of that name:
    /// the same window exported again); the file's size in bytes.
    pub fn write(mut self, dir: &Path, file_name: &str) -> Result<u64, std::io::Error> {
        let folder = dir.join(self.resource.name).join(format!("date={}", self.day));
        std::fs::create_dir_all(&folder)?;
        let columns: Vec<ArrayRef> = self
            .builders
            .iter_mut()
            .map(|builder| -> ArrayRef {
                match builder {
                    Builder::Text(b) => Arc::new(b.finish()),
                    Builder::Int(b) => Arc::new(b.finish()),
                    Builder::Bool(b) => Arc::new(b.finish()),
                    Builder::Time(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(arrow_schema(&self.resource), columns).map_err(std::io::Error::other)?;
        let (path, partial) = (folder.join(file_name), folder.join(format!(".{file_name}.partial")));
        let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let mut writer = ArrowWriter::try_new(File::create(&partial)?, batch.schema(), Some(properties))
            .map_err(std::io::Error::other)?;
        writer.write(&batch).map_err(std::io::Error::other)?;
        writer.close().map_err(std::io::Error::other)?;
        std::fs::rename(&partial, &path)?;
        Ok(std::fs::metadata(&path)?.len())
    }
}

/// The day (UTC, `YYYY-MM-DD`) of unix time `created`.
pub fn day_of(created: i64) -> String {
    chrono::DateTime::from_timestamp(created, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "1970-01-01".into())
}

/// Where a resource's state of the export is kept: `DIR/_export_state.json`.
pub fn state_path(dir: &Path) -> PathBuf {
    dir.join("_export_state.json")
}
