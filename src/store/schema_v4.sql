-- Version 4: renegotiation agreements (termo de acordo e confissão de dívida).

CREATE TABLE agreements (
    id                         INTEGER PRIMARY KEY,
    customer_id                INTEGER NOT NULL REFERENCES customers (id),
    made_on                    TEXT NOT NULL,
    valid_until                TEXT NOT NULL CHECK (valid_until >= made_on),
    kind                       TEXT NOT NULL CHECK (kind IN ('cash', 'installments', 'custom')),
    -- The debt it settles, updated to made_on.
    principal_cents            INTEGER NOT NULL CHECK (principal_cents >= 0),
    fine_cents                 INTEGER NOT NULL CHECK (fine_cents >= 0),
    interest_cents             INTEGER NOT NULL CHECK (interest_cents >= 0),
    discount_cents             INTEGER NOT NULL CHECK (discount_cents >= 0),
    new_total_cents            INTEGER NOT NULL CHECK (new_total_cents > 0),
    down_payment_cents         INTEGER NOT NULL CHECK (down_payment_cents >= 0),
    installment_count          INTEGER NOT NULL CHECK (installment_count >= 0),
    monthly_rate_bp            INTEGER NOT NULL CHECK (monthly_rate_bp BETWEEN 0 AND 100),
    cet_annual_bp              INTEGER NOT NULL CHECK (cet_annual_bp >= 0),
    total_with_financing_cents INTEGER NOT NULL CHECK (total_with_financing_cents > 0),
    -- The sale carrying the new installments: the down payment first, when there is one.
    sale_id                    INTEGER REFERENCES credit_sales (id),
    -- The down payment received at the counter when the agreement was signed.
    down_payment_id            INTEGER REFERENCES payments (id),
    actor                      TEXT NOT NULL,
    approved_by                TEXT,
    approval_reason            TEXT,
    -- The limits of the owner's policy it goes beyond, as JSON.
    breaches                   TEXT NOT NULL,
    created_at                 TEXT NOT NULL,
    CHECK ((approved_by IS NULL) = (approval_reason IS NULL))
) STRICT;
CREATE INDEX agreements_customer ON agreements (customer_id);
CREATE INDEX agreements_sale ON agreements (sale_id);

-- The installments an agreement replaced, with what each was worth that day.
CREATE TABLE agreement_debts (
    agreement_id    INTEGER NOT NULL REFERENCES agreements (id),
    installment_id  INTEGER NOT NULL UNIQUE REFERENCES installments (id),
    principal_cents INTEGER NOT NULL CHECK (principal_cents >= 0),
    fine_cents      INTEGER NOT NULL CHECK (fine_cents >= 0),
    interest_cents  INTEGER NOT NULL CHECK (interest_cents >= 0),
    PRIMARY KEY (agreement_id, installment_id)
) STRICT;
