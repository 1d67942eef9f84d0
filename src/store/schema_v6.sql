-- Version 6: the files exchanged with the bank. A remittance registers boletos and asks
-- for write-offs; a return reports them confirmed, rejected, paid or written off.

CREATE TABLE bank_files (
    id               INTEGER PRIMARY KEY,
    bank_account_id  INTEGER NOT NULL REFERENCES bank_accounts (id),
    kind             TEXT NOT NULL CHECK (kind IN ('remittance', 'return')),
    -- A remittance's sequence (NSA), per account, never repeated; NULL for a return.
    nsa              INTEGER CHECK (nsa IS NULL OR nsa >= 1),
    file_name        TEXT NOT NULL,
    -- Kept whole: a lost remittance is saved again with the same content.
    content          TEXT NOT NULL,
    -- SHA-256 of the content: a return imported twice is found by it.
    digest           TEXT NOT NULL,
    -- What the file did, as JSON (counts and amounts).
    summary          TEXT NOT NULL,
    actor            TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    UNIQUE (bank_account_id, kind, nsa),
    UNIQUE (bank_account_id, kind, digest)
) STRICT;

-- Each boleto a file spoke of, at its line.
CREATE TABLE bank_file_boletos (
    file_id     INTEGER NOT NULL REFERENCES bank_files (id),
    line        INTEGER NOT NULL,
    boleto_id   INTEGER NOT NULL REFERENCES boletos (id),
    -- The movement asked (remittance) or the bank's ocorrência (return).
    movement    INTEGER NOT NULL,
    -- For a return: confirmed, rejected, paid, written_off, due_date_changed, other.
    event       TEXT,
    -- The bank's reason codes for a rejection, space separated.
    reasons     TEXT NOT NULL DEFAULT '',
    payment_id  INTEGER REFERENCES payments (id),
    PRIMARY KEY (file_id, line)
) STRICT;
CREATE INDEX bank_file_boletos_boleto ON bank_file_boletos (boleto_id);
