//! Spreadsheets for the import tests, shaped like a treasury export.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The base64 of an .xlsx with the execution template's headers and one row
/// per (project code, amount as text, amount as a number).
pub fn bytes(rows: &[(&str, Option<&str>, Option<f64>)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in (0u16..).zip(["项目编码", "项目名称", "预算单位", "批复金额（元）", "截至目前执行金额（元）"])
    {
        sheet.write_string(0, col, h).unwrap();
    }
    for (row, (code, text, number)) in (1u32..).zip(rows) {
        sheet.write_string(row, 0, *code).unwrap();
        if let Some(t) = text {
            sheet.write_string(row, 4, *t).unwrap();
        }
        if let Some(n) = number {
            sheet.write_number(row, 4, *n).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

pub fn workbook(rows: &[(&str, Option<&str>, Option<f64>)]) -> String {
    STANDARD.encode(bytes(rows))
}
