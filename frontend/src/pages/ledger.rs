mod ledger_page;
mod ledger_summary;

pub use ledger_page::LedgerPage;
