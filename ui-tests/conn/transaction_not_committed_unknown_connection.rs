// transaction_not_committed: rusqlite's `unchecked_transaction()` on a connection whose
// type the file does not say (it comes from the store's own accessor), as
// application-services' stores write it; one commits, one forgets to.
pub struct Store {
    db: std::sync::Mutex<Db>,
}

pub struct Db;

impl Store {
    pub fn dismiss(&self, names: &[String]) -> Result<(), String> {
        let db = self.db.lock().map_err(|e| e.to_string())?;
        let conn = db.get_connection()?;
        let tx = conn.unchecked_transaction().map_err(|e| e.to_string())?; //~ transaction_not_committed
        for name in names {
            tx.execute("INSERT INTO dismissals (name) VALUES (?1)", [name])
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    pub fn clear(&self) -> Result<(), String> {
        let db = self.db.lock().map_err(|e| e.to_string())?;
        let conn = db.get_connection()?;
        let tx = conn.unchecked_transaction().map_err(|e| e.to_string())?;
        tx.execute("DELETE FROM dismissals", [])
            .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())
    }
}
