-- Version 5: the collection ruler's contacts, the e-mail outbox, and the locks that
-- keep two senders (the app and a scheduled `regua outbox send`) from running at once.

-- One contact the ruler planned for a customer: an e-mail (in the outbox), or a task
-- for a clerk (a WhatsApp message to open, a call to make, a letter to print).
CREATE TABLE ruler_contacts (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    -- Days from the due date of the step; NULL for a thank-you after a payment.
    step          INTEGER,
    template      TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp', 'letter', 'call')),
    -- Local date and time, 'YYYY-MM-DD HH:MM:SS'.
    scheduled_at  TEXT NOT NULL,
    payment_id    INTEGER REFERENCES payments (id),
    state         TEXT NOT NULL CHECK (state IN ('queued', 'open', 'done', 'cancelled')),
    -- What came of a task: 'sent', 'promise', 'no_answer', 'dispute', 'printed'.
    outcome       TEXT,
    done_at       TEXT,
    done_by       TEXT,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX ruler_contacts_customer ON ruler_contacts (customer_id, scheduled_at);
CREATE INDEX ruler_contacts_state ON ruler_contacts (state, scheduled_at);
-- A payment is thanked once.
CREATE UNIQUE INDEX ruler_contacts_thanks ON ruler_contacts (payment_id)
    WHERE payment_id IS NOT NULL;

-- The installments a contact is about; a step is planned once per installment.
CREATE TABLE ruler_contact_installments (
    contact_id     INTEGER NOT NULL REFERENCES ruler_contacts (id),
    installment_id INTEGER NOT NULL REFERENCES installments (id),
    step           INTEGER NOT NULL,
    PRIMARY KEY (installment_id, step)
) STRICT, WITHOUT ROWID;
CREATE INDEX ruler_contact_installments_contact ON ruler_contact_installments (contact_id);

-- Every e-mail is stored here before anything is sent.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER REFERENCES ruler_contacts (id),
    customer_id  INTEGER REFERENCES customers (id),
    to_address   TEXT NOT NULL,
    to_name      TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    -- What to attach, rendered at send time from the figures of that moment (JSON).
    attachments  TEXT NOT NULL,
    message_id   TEXT NOT NULL UNIQUE,
    status       TEXT NOT NULL CHECK (status IN
                     ('pending', 'sending', 'sent', 'retry', 'failed', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- UTC, RFC 3339.
    next_try     TEXT,
    last_error   TEXT,
    created_at   TEXT NOT NULL,
    sent_at      TEXT
) STRICT;
CREATE INDEX outbox_status ON outbox (status, id);

CREATE TABLE locks (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    -- UTC, RFC 3339; a lock past it was left by a sender that died.
    expires_at  TEXT NOT NULL
) STRICT;
