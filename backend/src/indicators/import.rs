//! The library's spreadsheet import: each row checked like a single entry,
//! the good rows saved in one transaction, the bad ones reported by row.

use std::collections::{HashMap, HashSet};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};
use shared::indicators::{Field, IndicatorSource, LibraryStatus, SHEET_HEADERS, from_sheet_row};
use shared::permissions::Capability;

use super::entity as library;
use super::xlsx::{self, ReadFailure};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::viewer::Viewer;

/// Largest spreadsheet an import accepts, decoded.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Most data rows one import may carry.
pub const MAX_IMPORT_ROWS: usize = 5_000;
/// One problem of an import: the spreadsheet row (1-based), the column's header, why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowError {
    pub row: u32,
    pub column: &'static str,
    pub message: String,
}

/// What an import did. All or nothing: with errors, nothing was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub created: u32,
    pub updated: u32,
    pub errors: Vec<RowError>,
}

/// The 绩效股 imports a spreadsheet in the export's layout. Every row is
/// checked first; any problem and nothing is written. Rows whose (field, name)
/// exists update that entry (which becomes active); the others are created.
pub async fn import<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    file_base64: &str,
) -> AppResult<ImportOutcome> {
    viewer.require(Capability::ManageLibrary)?;
    let bytes = decode(file_base64)?;
    let rows = match xlsx::read(&bytes) {
        Ok(rows) => rows,
        Err(ReadFailure::Unreadable) => {
            return Err(AppError::bad_field("fileBase64", "无法读取文件，请上传 .xlsx 格式的指标库文件"));
        }
        Err(ReadFailure::Empty) => return Err(AppError::bad_field("fileBase64", "文件中没有指标数据")),
        Err(ReadFailure::MissingColumns { row, columns }) => {
            let errors = columns
                .into_iter()
                .map(|column| RowError { row, column, message: format!("缺少“{column}”列") })
                .collect();
            return Ok(ImportOutcome { errors, ..Default::default() });
        }
    };
    if rows.is_empty() {
        return Err(AppError::bad_field("fileBase64", "文件中没有指标数据"));
    }
    if rows.len() > MAX_IMPORT_ROWS {
        return Err(AppError::bad_field("fileBase64", format!("一次最多导入 {MAX_IMPORT_ROWS} 行")));
    }
    let mut errors = Vec::new();
    let mut entries = Vec::with_capacity(rows.len());
    let mut seen: HashMap<(Field, String), u32> = HashMap::new();
    for sheet_row in &rows {
        match from_sheet_row(&sheet_row.cells) {
            Ok(entry) => {
                let entry = entry.trimmed();
                if let Some(first) = seen.insert((entry.field, entry.name.clone()), sheet_row.row) {
                    errors.push(RowError {
                        row: sheet_row.row,
                        column: SHEET_HEADERS[3],
                        message: format!("与第 {first} 行的领域和指标名称重复"),
                    });
                }
                entries.push(entry);
            }
            Err(problems) => errors.extend(problems.into_iter().map(|(column, message)| RowError {
                row: sheet_row.row,
                column,
                message,
            })),
        }
    }
    if !errors.is_empty() {
        return Ok(ImportOutcome { errors, ..Default::default() });
    }

    let txn = crate::tx::begin(db).await?;
    let fields: HashSet<&str> = entries.iter().map(|e| e.field.as_str()).collect();
    let mut existing: HashMap<(String, String), library::Model> = library::Entity::find()
        .filter(library::Column::Field.is_in(fields))
        .all(&txn)
        .await?
        .into_iter()
        .map(|m| ((m.field.clone(), m.name.clone()), m))
        .collect();
    let now = Utc::now();
    let (mut created, mut updated) = (Vec::new(), Vec::new());
    let mut new_rows = Vec::new();
    for entry in &entries {
        match existing.remove(&(entry.field.as_str().to_owned(), entry.name.clone())) {
            Some(model) => {
                updated.push(model.id);
                let mut row = model.into_active_model();
                row.set_entry(entry);
                row.status = Set(LibraryStatus::Active.as_str().into());
                row.refusal_reason = Set(None);
                row.updated_at = Set(now);
                row.update(&txn).await?;
            }
            None => {
                created.push(format!("{}：{}", entry.field.label(), entry.name));
                new_rows.push(library::ActiveModel::new_entry(
                    entry,
                    IndicatorSource::Library,
                    LibraryStatus::Active,
                    None,
                    now,
                ));
            }
        }
    }
    for chunk in new_rows.chunks(200) {
        library::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    let summary = serde_json::json!({ "created": created, "updatedIds": updated });
    let change = Change {
        operation: "indicator.import",
        object_type: "library_indicator",
        object_id: None,
        before: None,
        after: Some(summary),
    };
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(ImportOutcome { created: count(created.len()), updated: count(updated.len()), errors: Vec::new() })
}

/// Decodes the uploaded file, refusing anything over [`MAX_IMPORT_BYTES`]
/// before decoding it. A `data:…;base64,` prefix is accepted.
fn decode(file_base64: &str) -> AppResult<Vec<u8>> {
    let too_big = || AppError::bad_field("fileBase64", format!("文件不能超过 {} MB", MAX_IMPORT_BYTES / 1024 / 1024));
    let encoded = file_base64.split_once("base64,").map_or(file_base64, |(_, data)| data).trim();
    if encoded.len() > MAX_IMPORT_BYTES.div_ceil(3) * 4 {
        return Err(too_big());
    }
    let bytes =
        STANDARD.decode(encoded).map_err(|_| AppError::bad_field("fileBase64", "文件内容不是有效的 Base64 编码"))?;
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}
