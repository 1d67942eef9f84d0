-- Régua schema, version 1. Money in integer centavos, dates as YYYY-MM-DD,
-- instants as RFC 3339 UTC.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE customers (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL CHECK (length(name) > 0),
    search_name        TEXT NOT NULL,
    tax_id             TEXT NOT NULL UNIQUE CHECK (length(tax_id) IN (11, 14)),
    email              TEXT,
    street             TEXT NOT NULL,
    number             TEXT NOT NULL,
    complement         TEXT NOT NULL,
    district           TEXT NOT NULL,
    city               TEXT NOT NULL,
    state              TEXT NOT NULL CHECK (length(state) = 2),
    postal_code        TEXT NOT NULL CHECK (length(postal_code) = 8),
    notes              TEXT NOT NULL,
    consent            TEXT NOT NULL,
    disputed           INTEGER NOT NULL CHECK (disputed IN (0, 1)),
    over_indebted      INTEGER NOT NULL CHECK (over_indebted IN (0, 1)),
    do_not_contact     INTEGER NOT NULL CHECK (do_not_contact IN (0, 1)),
    created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX customers_search_name ON customers (search_name);

CREATE TABLE customer_phones (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    phone       TEXT NOT NULL CHECK (length(phone) IN (10, 11)),
    PRIMARY KEY (customer_id, position)
) STRICT;
CREATE INDEX customer_phones_phone ON customer_phones (phone);

CREATE TABLE credit_sales (
    id                 INTEGER PRIMARY KEY,
    customer_id        INTEGER NOT NULL REFERENCES customers (id),
    sale_date          TEXT NOT NULL,
    description        TEXT NOT NULL,
    total_cents        INTEGER NOT NULL CHECK (total_cents > 0),
    down_payment_cents INTEGER NOT NULL CHECK (down_payment_cents >= 0 AND down_payment_cents < total_cents),
    financing_rate_bp  INTEGER NOT NULL CHECK (financing_rate_bp BETWEEN 0 AND 10000),
    created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX credit_sales_customer ON credit_sales (customer_id);

CREATE TABLE installments (
    id           INTEGER PRIMARY KEY,
    sale_id      INTEGER NOT NULL REFERENCES credit_sales (id),
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    due_date     TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    -- Copied from the sale (never changes) so the board reads one index only.
    sale_date         TEXT NOT NULL,
    financing_rate_bp INTEGER NOT NULL CHECK (financing_rate_bp BETWEEN 0 AND 10000),
    status       TEXT NOT NULL CHECK (status IN
                     ('open', 'partially_paid', 'paid', 'renegotiated', 'written_off', 'prescribed')),
    -- The day it stopped being collectible (paid, renegotiated, written off).
    closed_on    TEXT,
    UNIQUE (sale_id, number),
    CHECK ((status IN ('open', 'partially_paid')) = (closed_on IS NULL))
) STRICT;
CREATE INDEX installments_customer ON installments (customer_id, due_date);
-- Covers the board's query: collectible installments by due date.
CREATE INDEX installments_collectible ON installments
    (due_date, customer_id, amount_cents, status, sale_date, financing_rate_bp)
    WHERE closed_on IS NULL;
CREATE INDEX installments_closed ON installments (closed_on) WHERE closed_on IS NOT NULL;

CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    -- Set for the down payment (entrada) of a sale.
    sale_id      INTEGER REFERENCES credit_sales (id),
    paid_on      TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    method       TEXT NOT NULL CHECK (method IN ('cash', 'pix', 'card', 'boleto', 'transfer')),
    actor        TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX payments_customer ON payments (customer_id, paid_on);
CREATE INDEX payments_paid_on ON payments (paid_on);

CREATE TABLE payment_allocations (
    payment_id      INTEGER NOT NULL REFERENCES payments (id),
    installment_id  INTEGER NOT NULL REFERENCES installments (id),
    principal_cents INTEGER NOT NULL CHECK (principal_cents >= 0),
    fine_cents      INTEGER NOT NULL CHECK (fine_cents >= 0),
    interest_cents  INTEGER NOT NULL CHECK (interest_cents >= 0),
    discount_cents  INTEGER NOT NULL CHECK (discount_cents >= 0),
    PRIMARY KEY (payment_id, installment_id)
) STRICT;
CREATE INDEX payment_allocations_installment ON payment_allocations (installment_id);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    details   TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- A customer's promise to pay (promessa de pagamento).
CREATE TABLE payment_promises (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    made_on      TEXT NOT NULL,
    due_on       TEXT NOT NULL CHECK (due_on >= made_on),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    note         TEXT NOT NULL,
    actor        TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX payment_promises_customer ON payment_promises (customer_id, due_on);
CREATE INDEX payment_promises_due_on ON payment_promises (due_on);

-- Every contact with a customer about a debt, by hand or by the ruler.
CREATE TABLE contact_log (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    at          TEXT NOT NULL,
    channel     TEXT NOT NULL CHECK (channel IN
                    ('phone', 'email', 'whatsapp', 'sms', 'letter', 'in_person')),
    note        TEXT NOT NULL,
    actor       TEXT NOT NULL
) STRICT;
CREATE INDEX contact_log_customer ON contact_log (customer_id, at);
