-- A loan's next installment due after a day, found by an index seek instead of a walk through its
-- schedule from number 1: the portfolio and provisions read it for every loan they show
-- (LoanPositions' open installments). No paid_* column is in the index, so a repayment's update
-- of an installment stays a heap-only (HOT) update where the page has room.
CREATE INDEX loan_installment_due ON loan_installment (led_id, loan_id, due_on);
