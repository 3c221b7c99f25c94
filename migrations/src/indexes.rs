//! Index helpers shared by the migrations (their behaviour must never change:
//! applied migrations are history).

use sea_orm_migration::prelude::*;

/// A plain index `name` on `cols` of `table`.
pub async fn index<T: Iden + Clone + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: &[T],
) -> Result<(), DbErr> {
    create(manager, name, table, cols, false).await
}

/// A unique index `name` on `cols` of `table`.
pub async fn unique<T: Iden + Clone + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: &[T],
) -> Result<(), DbErr> {
    create(manager, name, table, cols, true).await
}

async fn create<T: Iden + Clone + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: &[T],
    unique: bool,
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    if unique {
        stmt.unique();
    }
    for col in cols {
        stmt.col(col.clone());
    }
    manager.create_index(stmt.to_owned()).await
}
