//! Writes exported rows into an .xlsx on the blocking pool and hands the
//! file's bytes to the response as they are produced.

use std::io::{self, Write};

use chrono::FixedOffset;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use tokio::sync::mpsc;

use super::{Cell, Column};
use crate::error::AppResult;

/// Longest text an .xlsx cell holds.
const MAX_CELL_CHARS: usize = 32_767;
/// Bytes gathered before a chunk goes to the response.
const CHUNK: usize = 64 * 1024;

/// Writes the sheet; on any failure the byte stream ends with an error so the
/// client sees an aborted download, never a truncated file.
pub fn write(
    sheet: &'static str,
    columns: &'static [Column],
    rows: mpsc::Receiver<AppResult<Vec<Vec<Cell>>>>,
    bytes: mpsc::Sender<io::Result<bytes::Bytes>>,
) {
    let mut out = ChannelWriter { buffer: Vec::with_capacity(CHUNK), tx: bytes };
    match build(sheet, columns, rows, &mut out) {
        Ok(()) => {
            let _ = out.flush();
        }
        Err(reason) => {
            tracing::error!(%reason, sheet, "export failed");
            let _ = out.tx.blocking_send(Err(io::Error::other("export failed")));
        }
    }
}

fn build(
    sheet: &str,
    columns: &[Column],
    mut rows: mpsc::Receiver<AppResult<Vec<Vec<Cell>>>>,
    out: &mut ChannelWriter,
) -> Result<(), String> {
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet_with_constant_memory().map_err(|e| e.to_string())?;
    let formats = Formats::new();
    header(worksheet, sheet, columns, &formats).map_err(|e| e.to_string())?;
    let mut row: u32 = 1;
    while let Some(batch) = rows.blocking_recv() {
        let batch = batch.map_err(|e| format!("reading the list: {}", e.message()))?;
        for cells in batch {
            for (col, cell) in cells.iter().enumerate() {
                let col = u16::try_from(col).map_err(|e| e.to_string())?;
                write_cell(worksheet, row, col, cell, &formats).map_err(|e| e.to_string())?;
            }
            row += 1;
        }
    }
    workbook.save_to_writer(out).map_err(|e| e.to_string())
}

struct Formats {
    header: Format,
    money: Format,
    time: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            header: Format::new().set_bold(),
            money: Format::new().set_num_format("#,##0.00"),
            time: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
        }
    }
}

fn header(worksheet: &mut Worksheet, sheet: &str, columns: &[Column], f: &Formats) -> Result<(), XlsxError> {
    worksheet.set_name(sheet)?;
    for (i, column) in columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        worksheet.set_column_width(col, column.width)?;
        worksheet.write_string_with_format(0, col, column.header, &f.header)?;
    }
    worksheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_cell(worksheet: &mut Worksheet, row: u32, col: u16, cell: &Cell, f: &Formats) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) if text.chars().count() > MAX_CELL_CHARS => {
            let cut: String = text.chars().take(MAX_CELL_CHARS).collect();
            worksheet.write_string(row, col, cut)?;
        }
        Cell::Text(text) => {
            worksheet.write_string(row, col, text)?;
        }
        Cell::Integer(n) => {
            // An .xlsx number is a double: integers beyond 2^53 go as text.
            if n.unsigned_abs() < 1 << 53 {
                worksheet.write_number(row, col, Decimal::from(*n).to_f64().unwrap_or_default())?;
            } else {
                worksheet.write_string(row, col, n.to_string())?;
            }
        }
        Cell::Money(yuan) => {
            worksheet.write_number_with_format(row, col, yuan.to_f64().unwrap_or_default(), &f.money)?;
        }
        Cell::Number(n) => {
            worksheet.write_number(row, col, n.to_f64().unwrap_or_default())?;
        }
        Cell::Time(at) => {
            let cst = FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
            worksheet.write_datetime_with_format(row, col, at.with_timezone(&cst).naive_local(), &f.time)?;
        }
        Cell::Empty => {}
    }
    Ok(())
}

/// Sends the workbook's bytes to the response in chunks.
struct ChannelWriter {
    buffer: Vec<u8>,
    tx: mpsc::Sender<io::Result<bytes::Bytes>>,
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= CHUNK {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = bytes::Bytes::from(std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK)));
        // The client went away: stop writing.
        self.tx.blocking_send(Ok(chunk)).map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
    }
}
