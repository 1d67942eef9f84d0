-- Version 2: the store's bank accounts and the boletos issued on them.

CREATE TABLE bank_accounts (
    id               INTEGER PRIMARY KEY,
    -- The validated account as JSON (bank, agency, account, codes, wallet).
    account          TEXT NOT NULL,
    -- The next nosso número; taken inside the transaction that issues a boleto.
    next_sequence    INTEGER NOT NULL DEFAULT 1 CHECK (next_sequence >= 1),
    -- One account issues new boletos; older ones keep theirs until paid or written off.
    active           INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX bank_accounts_one_active ON bank_accounts (active) WHERE active = 1;

CREATE TABLE boletos (
    id               INTEGER PRIMARY KEY,
    installment_id   INTEGER NOT NULL REFERENCES installments (id),
    bank_account_id  INTEGER NOT NULL REFERENCES bank_accounts (id),
    sequence         INTEGER NOT NULL,
    our_number       TEXT NOT NULL,
    our_number_printed TEXT NOT NULL,
    barcode          TEXT NOT NULL CHECK (length(barcode) = 44),
    amount_cents     INTEGER NOT NULL CHECK (amount_cents > 0),
    due_date         TEXT NOT NULL,
    issued_on        TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN
                         ('to_register', 'sent', 'registered', 'rejected', 'paid',
                          'to_write_off', 'written_off')),
    -- The boleto that replaced this one (new due date).
    replaced_by      INTEGER REFERENCES boletos (id),
    actor            TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    UNIQUE (bank_account_id, sequence),
    UNIQUE (bank_account_id, our_number)
) STRICT;
CREATE INDEX boletos_installment ON boletos (installment_id);
CREATE INDEX boletos_status ON boletos (status);
