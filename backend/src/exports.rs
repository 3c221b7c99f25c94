//! The product's one export mechanism: a list query becomes a streamed .xlsx
//! download (numbers as numbers, money with two places, times in UTC+8).
//!
//! A list implements [`ExportList`] (its columns, a count, and keyset pages
//! of cells); [`xlsx_response`] reads it page by page on the async side,
//! writes the rows on the blocking pool (rust_xlsxwriter in constant-memory
//! mode: rows go to a temporary file, not to memory) and streams the file as
//! it is produced. A failure part-way aborts the download instead of leaving
//! a truncated file that looks complete. Routes live in `routes.rs`.

pub mod audit_log;
pub mod routes;
mod writer;

use std::future::Future;

use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::DatabaseConnection;
use tokio::sync::mpsc;

use crate::error::{AppError, AppResult};

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    /// Yuan, written as a number with the format `#,##0.00`.
    Money(Decimal),
    /// Any other exact number (scores, rates), written as a number.
    Number(Decimal),
    /// An instant, written as a date-time in China Standard Time.
    Time(DateTime<Utc>),
    Empty,
}

/// A column: its Chinese header and width in characters.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub width: u16,
}

/// Rows read per database round trip.
pub const PAGE: u64 = 1_000;
/// Most rows one export may have (an .xlsx sheet holds 1,048,576).
pub const MAX_ROWS: u64 = 1_000_000;

/// A list that can be exported: keyset pages over an id, in the list's order.
pub trait ExportList: Send + Sync + 'static {
    /// The sheet's name (also the start of the file name).
    fn sheet(&self) -> &'static str;
    fn columns(&self) -> &'static [Column];
    /// How many rows the export will have.
    fn count(&self, db: &DatabaseConnection) -> impl Future<Output = AppResult<u64>> + Send;
    /// Up to `limit` rows after the row keyed `after` (None: from the start),
    /// each with its key.
    fn page(
        &self,
        db: &DatabaseConnection,
        after: Option<i64>,
        limit: u64,
    ) -> impl Future<Output = AppResult<Vec<(i64, Vec<Cell>)>>> + Send;
}

/// Checks the size, then streams the list as `file_name` (.xlsx).
pub async fn xlsx_response<L: ExportList>(db: DatabaseConnection, list: L, file_name: &str) -> AppResult<Response> {
    let rows = list.count(&db).await?;
    if rows > MAX_ROWS {
        return Err(AppError::bad_input(format!("导出行数 {rows} 超过上限 {MAX_ROWS}，请缩小查询范围")));
    }
    let (rows_tx, rows_rx) = mpsc::channel::<AppResult<Vec<Vec<Cell>>>>(2);
    let (bytes_tx, bytes_rx) = mpsc::channel::<std::io::Result<bytes::Bytes>>(8);
    let (sheet, columns) = (list.sheet(), list.columns());
    tokio::spawn(read_pages(db, list, rows_tx));
    tokio::task::spawn_blocking(move || writer::write(sheet, columns, rows_rx, bytes_tx));
    let stream = futures_util::stream::unfold(bytes_rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let disposition = content_disposition(file_name);
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

async fn read_pages<L: ExportList>(db: DatabaseConnection, list: L, tx: mpsc::Sender<AppResult<Vec<Vec<Cell>>>>) {
    let mut after = None;
    let mut sent = 0u64;
    while sent < MAX_ROWS {
        let page = match list.page(&db, after, PAGE.min(MAX_ROWS - sent)).await {
            Ok(page) => page,
            Err(e) => {
                let _ = tx.send(Err(e)).await;
                return;
            }
        };
        let full = page.len() as u64 == PAGE;
        after = page.last().map(|(key, _)| *key);
        sent += page.len() as u64;
        if page.is_empty() || tx.send(Ok(page.into_iter().map(|(_, cells)| cells).collect())).await.is_err() {
            return;
        }
        if !full {
            return;
        }
    }
}

/// `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987).
fn content_disposition(file_name: &str) -> String {
    let encoded: String = file_name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"export.xlsx\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_file_names_are_percent_encoded() {
        assert_eq!(
            content_disposition("审计日志.xlsx"),
            "attachment; filename=\"export.xlsx\"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97.xlsx"
        );
    }
}
