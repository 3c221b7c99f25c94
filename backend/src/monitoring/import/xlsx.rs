//! The execution-data workbook: the template's layout and reading its cells.

use std::str::FromStr;

use calamine::Data;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};
use shared::money::{format_yuan, from_fen, parse_yuan};

use crate::error::{AppError, AppResult};
use crate::organisations::entity as organisation;
use crate::projects::entity as project;

pub const SHEET: &str = "执行数据";
pub const HEADERS: [&str; 5] = ["项目编码", "项目名称", "预算单位", "批复金额（元）", "截至目前执行金额（元）"];

/// The template: one text row per project, the executed amount left blank.
pub fn template(rows: &[(project::Model, Option<organisation::Model>)]) -> AppResult<Vec<u8>> {
    let internal = |e: rust_xlsxwriter::XlsxError| AppError::Internal(anyhow::anyhow!("writing the template: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).map_err(internal)?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (col, title) in (0u16..).zip(HEADERS) {
        sheet.write_string_with_format(0, col, title, &bold).map_err(internal)?;
        sheet.set_column_format(col, &text).map_err(internal)?;
    }
    for (row, (p, unit)) in (1u32..).zip(rows) {
        let cells = [
            p.code.clone(),
            p.name.clone(),
            unit.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
            format_yuan(from_fen(p.approved_fen.unwrap_or(0))),
            String::new(),
        ];
        for (col, cell) in (0u16..).zip(cells) {
            sheet.write_string_with_format(row, col, cell, &text).map_err(internal)?;
        }
    }
    book.save_to_buffer().map_err(internal)
}

/// Reads a cell as yuan: numbers (exact up to 15 significant digits), text
/// with thousands separators or a ¥ sign.
pub fn money_cell(cell: &Data) -> Result<Decimal, String> {
    let text = match cell {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => Decimal::from_str(&f.to_string())
            .map(|d| d.round_dp(2).to_string())
            .map_err(|_| "不是有效的金额".to_string())?,
        Data::String(s) => s.trim().trim_start_matches(['¥', '￥']).to_owned(),
        Data::Empty => return Err("金额为空".into()),
        _ => return Err("不是有效的金额".into()),
    };
    parse_yuan(&text).map_err(|e| e.to_string())
}

pub fn text_cell(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        _ => String::new(),
    }
}
