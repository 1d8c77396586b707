"""The encrypted vault: SQLCipher database, keys, keyring, recovery, backup. No Qt here."""
