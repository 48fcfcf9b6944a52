package id.lumbung.training.money;

/** Capital assistance in money, or as production equipment and inputs given in kind. */
public enum AssistanceKind {
    CASH, IN_KIND
}
