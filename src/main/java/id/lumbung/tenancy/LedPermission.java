package id.lumbung.tenancy;

import java.util.Set;

import id.lumbung.platform.security.Role;

/** What a caller wants to do inside an LED, and which roles may (DESIGN §6). */
public enum LedPermission {
    /** See the LED itself (name, village). */
    VIEW_LED(Set.of(Role.DISTRICT_OFFICER, Role.LED_MANAGER, Role.LED_CLERK, Role.TRAINER, Role.AUDITOR)),
    /** Read the books: accounts, entries, periods, the chain verification. */
    READ_BOOKS(Set.of(Role.DISTRICT_OFFICER, Role.LED_MANAGER, Role.LED_CLERK, Role.AUDITOR)),
    /** Extend the chart of accounts. */
    MANAGE_ACCOUNTS(Set.of(Role.LED_MANAGER)),
    /** Post a manual adjustment entry (with a reason). */
    POST_ADJUSTMENT(Set.of(Role.LED_MANAGER)),
    /** Reverse an entry. */
    REVERSE_ENTRY(Set.of(Role.LED_MANAGER)),
    /** Close the books through a date. */
    CLOSE_PERIOD(Set.of(Role.LED_MANAGER)),
    /** Read members and KUB groups (the NIK masked unless {@link #VIEW_FULL_NIK} is also held). */
    READ_MEMBERS(Set.of(Role.DISTRICT_OFFICER, Role.LED_MANAGER, Role.LED_CLERK, Role.TRAINER, Role.AUDITOR)),
    /** Register and edit members and KUB groups, one by one or by CSV import. */
    MANAGE_MEMBERS(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Record a member's savings deposit or withdrawal (simpanan anggota). */
    RECORD_SAVINGS(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** See members' NIKs in full; every other reader gets them masked. */
    VIEW_FULL_NIK(Set.of(Role.LED_MANAGER, Role.AUDITOR)),
    /** Record a tranche of district grant capital received: the district's officer or the manager. */
    RECORD_GRANT(Set.of(Role.DISTRICT_OFFICER, Role.LED_MANAGER)),
    /** Record a community contribution (swadaya) or, later, a member's savings deposit. */
    RECORD_CONTRIBUTION(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Record an operating expense paid from cash or bank. */
    RECORD_EXPENSE(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Post the opening balances carried over from paper books, once. */
    POST_OPENING_BALANCES(Set.of(Role.LED_MANAGER)),
    /** Change the LED's lending settings and its loan products. */
    MANAGE_LENDING(Set.of(Role.LED_MANAGER)),
    /** Apply for a loan on a member's behalf. */
    APPLY_LOAN(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Approve or reject a loan application, disburse an approved loan or reverse its disbursement. */
    DECIDE_LOAN(Set.of(Role.LED_MANAGER)),
    /** Record a loan repayment collected from a member. */
    RECORD_REPAYMENT(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Reverse a repayment (a bounced transfer). */
    REVERSE_REPAYMENT(Set.of(Role.LED_MANAGER)),
    /** Book the loan-loss provision (PPAP) the portfolio needs as of a day. */
    BOOK_PROVISION(Set.of(Role.LED_MANAGER)),
    /**
     * Send a field batch: the roles that may record at least one of its operation kinds. Each
     * operation is still checked against its own permission (403 for that operation alone).
     */
    SEND_BATCH(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Move money between the LED's own cash and bank accounts. */
    RECORD_TRANSFER(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Read the loan portfolio report (a trainer's copy leaves member names out). */
    READ_PORTFOLIO(Set.of(Role.DISTRICT_OFFICER, Role.LED_MANAGER, Role.LED_CLERK, Role.TRAINER, Role.AUDITOR)),
    /** Approve or reject a manual adjustment that waits for a second manager. */
    APPROVE_ADJUSTMENT(Set.of(Role.LED_MANAGER)),
    /** Read training programmes, trainees and a trainee's capital (a trainer's copy without NIK). */
    READ_TRAINING(Set.of(Role.DISTRICT_OFFICER, Role.LED_MANAGER, Role.LED_CLERK, Role.TRAINER, Role.AUDITOR)),
    /** Record training data: programmes, sessions, attendance, enrolment of members, evaluations, outcomes. */
    RECORD_TRAINING(Set.of(Role.LED_MANAGER, Role.LED_CLERK, Role.TRAINER)),
    /** Post a programme's money (funding received, expenses) and capital assistance the LED pays: never a trainer. */
    RECORD_TRAINING_MONEY(Set.of(Role.LED_MANAGER, Role.LED_CLERK)),
    /** Read the transparency statements (trial balance, balance sheet, ledgers, …): the books' readers. */
    READ_STATEMENTS(Set.of(Role.DISTRICT_OFFICER, Role.LED_MANAGER, Role.LED_CLERK, Role.AUDITOR)),
    /** Change how the LED's statements are presented: account mapping, cash-flow classification, signatures. */
    MANAGE_STATEMENTS(Set.of(Role.LED_MANAGER)),
    /** Read the LED's audit trail (who changed what, and refused attempts) and verify its chain. */
    READ_AUDIT(Set.of(Role.LED_MANAGER, Role.AUDITOR));

    private final Set<String> roles;

    LedPermission(Set<String> roles) {
        this.roles = roles;
    }

    public Set<String> roles() {
        return roles;
    }
}
