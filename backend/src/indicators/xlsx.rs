//! The library spreadsheet: one sheet 指标库, a header row of
//! [`SHEET_HEADERS`], one row per indicator. Written with rust_xlsxwriter,
//! read with calamine; every cell is text, so values such as `100` or `1.2`
//! come back exactly as written.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};
use shared::indicators::{SHEET_HEADERS, SHEET_NAME};

use crate::error::{AppError, AppResult};

/// Column widths, in characters, in [`SHEET_HEADERS`] order.
const WIDTHS: [f64; 9] = [12.0, 16.0, 14.0, 30.0, 12.0, 12.0, 12.0, 50.0, 10.0];

fn internal(err: XlsxError) -> AppError {
    AppError::Internal(anyhow::anyhow!("writing the library spreadsheet: {err}"))
}

/// The workbook for `rows` (cells in [`SHEET_HEADERS`] order).
pub fn write(rows: &[[String; 9]]) -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET_NAME).map_err(internal)?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00DD_EBF7))
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let text = Format::new().set_num_format("@").set_text_wrap();
    for (col, (title, width)) in (0u16..).zip(SHEET_HEADERS.iter().zip(WIDTHS)) {
        sheet.set_column_width(col, width).map_err(internal)?;
        sheet.set_column_format(col, &text).map_err(internal)?;
        sheet.write_string_with_format(0, col, *title, &header).map_err(internal)?;
    }
    for (row, cells) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells) {
            sheet.write_string_with_format(row, col, cell, &text).map_err(internal)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(internal)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX - 1);
    sheet.autofilter(0, 0, last_row, 8).map_err(internal)?;
    book.save_to_buffer().map_err(internal)
}

/// A data row of a sheet: its 1-based row number as the spreadsheet shows it,
/// and its cells in [`SHEET_HEADERS`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub row: u32,
    pub cells: [String; 9],
}

/// Why a file could not be read as the library spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadFailure {
    /// Not an .xlsx workbook, or no sheet.
    Unreadable,
    /// The sheet has no header row.
    Empty,
    /// The header row (1-based) lacks these columns.
    MissingColumns { row: u32, columns: Vec<&'static str> },
}

/// Reads the sheet named 指标库 (or else the first sheet). The header row is
/// the first non-empty row; columns are found by their header, in any order;
/// blank rows are skipped.
pub fn read(bytes: &[u8]) -> Result<Vec<SheetRow>, ReadFailure> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| ReadFailure::Unreadable)?;
    let names = book.sheet_names();
    let name = names.iter().find(|n| *n == SHEET_NAME).or(names.first()).cloned().ok_or(ReadFailure::Unreadable)?;
    let range = book.worksheet_range(&name).map_err(|_| ReadFailure::Unreadable)?;
    let first_row = range.start().map_or(0, |(row, _)| row);
    let mut rows = (first_row..)
        .zip(range.rows())
        .map(|(i, cells)| (i.saturating_add(1), cells.iter().map(text).collect::<Vec<_>>()))
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
    let (header_row, header) = rows.next().ok_or(ReadFailure::Empty)?;
    let positions = SHEET_HEADERS.map(|title| header.iter().position(|c| c == title));
    let missing: Vec<&'static str> =
        SHEET_HEADERS.iter().zip(&positions).filter(|(_, p)| p.is_none()).map(|(t, _)| *t).collect();
    if !missing.is_empty() {
        return Err(ReadFailure::MissingColumns { row: header_row, columns: missing });
    }
    Ok(rows
        .map(|(row, cells)| SheetRow {
            row,
            cells: positions.map(|p| p.and_then(|p| cells.get(p)).cloned().unwrap_or_default()),
        })
        .collect())
}

/// A cell as trimmed text; numbers print as Excel shows them (`100`, `1.2`).
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_owned(),
        other => other.to_string().trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> [String; 9] {
        ["产出指标", "数量指标", "教育", name, "≥", "人", "100", "按比例计分", "正向"].map(String::from)
    }

    #[test]
    fn what_is_written_reads_back_with_row_numbers() {
        let bytes = write(&[row("受益学生人数"), row("新增学位数")]).unwrap();
        let rows = read(&bytes).unwrap();
        assert_eq!(
            rows,
            vec![SheetRow { row: 2, cells: row("受益学生人数") }, SheetRow { row: 3, cells: row("新增学位数") }]
        );
    }

    #[test]
    fn garbage_and_headerless_sheets_are_refused() {
        assert_eq!(read(b"not a workbook"), Err(ReadFailure::Unreadable));
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "一级指标").unwrap();
        sheet.write_string(0, 1, "指标名称").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        match read(&bytes) {
            Err(ReadFailure::MissingColumns { row: 1, columns }) => assert_eq!(columns.len(), 7),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn number_cells_and_other_column_orders_are_read() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let order = [3usize, 0, 1, 2, 4, 5, 6, 7, 8];
        for (col, i) in (0u16..).zip(order) {
            sheet.write_string(2, col, SHEET_HEADERS[i]).unwrap();
            if i == 6 {
                sheet.write_number(3, col, 1.2).unwrap();
            } else {
                sheet.write_string(3, col, row("x")[i].as_str()).unwrap();
            }
        }
        let rows = read(&book.save_to_buffer().unwrap()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].row, 4);
        assert_eq!(rows[0].cells[3], "x");
        assert_eq!(rows[0].cells[6], "1.2");
    }
}
