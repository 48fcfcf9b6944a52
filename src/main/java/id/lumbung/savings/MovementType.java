package id.lumbung.savings;

/** Which way money moved in a member's savings. */
public enum MovementType {
    DEPOSIT,
    WITHDRAWAL
}
