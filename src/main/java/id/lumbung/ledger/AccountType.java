package id.lumbung.ledger;

/**
 * The five account types. The normal side (where increases are posted) follows from the type, and
 * so does the first digit of the code, as in the SAK ETAP charts Indonesian auditors read.
 */
public enum AccountType {
    ASSET(Side.DEBIT, '1'),
    LIABILITY(Side.CREDIT, '2'),
    EQUITY(Side.CREDIT, '3'),
    INCOME(Side.CREDIT, '4'),
    EXPENSE(Side.DEBIT, '5');

    private final Side normalSide;
    private final char codeDigit;

    AccountType(Side normalSide, char codeDigit) {
        this.normalSide = normalSide;
        this.codeDigit = codeDigit;
    }

    /** The normal side; a contra account (allowance for loan losses) has the other one. */
    public Side normalSide(boolean contra) {
        return contra ? normalSide.opposite() : normalSide;
    }

    public char codeDigit() {
        return codeDigit;
    }
}
