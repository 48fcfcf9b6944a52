package id.lumbung.platform.error;

/**
 * Every kind of failure the API answers, each with a stable slug that becomes the problem
 * {@code type} ({@code urn:lumbung:problem:<slug>}). Clients switch on the slug, never on text.
 *
 * <p>4xx statuses follow one rule: 400 the request itself is malformed, 401/403 who is asking,
 * 404 nothing there (or not yours), 409 the request is fine but the books' current state forbids
 * it, 422 the request is well-formed but breaks a business rule on its own. 503 is the one 5xx a
 * client should see: the database is unreachable, nothing was written, retry with the same key.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", 400, "Request body is not valid JSON"),
    VALIDATION_FAILED("validation-failed", 400, "Request has invalid fields"),
    UNKNOWN_FIELD("unknown-field", 400, "Request has a field this endpoint does not know"),
    INVALID_PARAMETER("invalid-parameter", 400, "A query or path parameter is invalid"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400, "Idempotency-Key header is invalid"),
    IDEMPOTENCY_KEY_REQUIRED("idempotency-key-required", 400,
            "This service requires an Idempotency-Key on every request that moves money"),
    UNAUTHENTICATED("unauthenticated", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "Your role may not do this"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed on this resource"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No representation in the requested media type"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Request body media type is not supported"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body is too large"),
    PRECONDITION_FAILED("precondition-failed", 412,
            "The resource changed since it was read: If-Match names a version that is no longer current"),

    DUPLICATE_DISTRICT_CODE("duplicate-district-code", 409, "A district with this code exists"),
    DUPLICATE_LED_CODE("duplicate-led-code", 409, "An LED with this code exists in the district"),
    DUPLICATE_ACCOUNT_CODE("duplicate-account-code", 409, "An account with this code exists"),
    ACCOUNT_CODE_TYPE_MISMATCH("account-code-type-mismatch", 422, "Account code does not match its type"),
    UNKNOWN_PARENT_ACCOUNT("unknown-parent-account", 422, "Parent account does not exist"),
    PARENT_TYPE_MISMATCH("parent-type-mismatch", 422, "Parent account has another type"),
    UNKNOWN_DISTRICT("unknown-district", 422, "District does not exist"),
    DUPLICATE_NIK("duplicate-nik", 409, "A member with this NIK is already registered in the LED"),
    DUPLICATE_GROUP_NAME("duplicate-group-name", 409, "A KUB group with this name exists in the LED"),
    UNKNOWN_GROUP("unknown-group", 422, "The KUB group does not exist in the LED"),
    UNKNOWN_MEMBER("unknown-member", 422, "The member does not exist in the LED"),

    ENTRY_UNBALANCED("entry-unbalanced", 422, "Debits and credits of the entry differ"),
    UNKNOWN_ACCOUNT("unknown-account", 422, "Posting names an account that does not exist"),
    KIND_NOT_ALLOWED("kind-not-allowed", 422, "This endpoint does not post entries of this kind"),
    EFFECTIVE_DATE_IN_FUTURE("effective-date-in-future", 422, "Effective date is after today"),
    PERIOD_IN_FUTURE("period-in-future", 422, "A period cannot be closed before it has ended"),
    PERIOD_CLOSED("period-closed", 409, "The period of this date is closed"),
    PERIOD_ALREADY_CLOSED("period-already-closed", 409, "Books are already closed through this date or later"),
    INSUFFICIENT_FUNDS("insufficient-funds", 409, "An account would go below zero"),
    INSUFFICIENT_SAVINGS("insufficient-savings", 409, "The member's savings balance is smaller than the withdrawal"),
    ENTRY_ALREADY_REVERSED("entry-already-reversed", 409, "The entry has already been reversed"),
    ENTRY_OWNED_BY_OPERATION("entry-owned-by-operation", 409,
            "The entry belongs to a business operation that must correct it itself"),
    ENTRY_IS_REVERSAL("entry-is-reversal", 409, "A reversal entry cannot itself be reversed"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key was used for a different request"),
    IDEMPOTENCY_IN_FLIGHT("idempotency-in-flight", 409, "A request with this Idempotency-Key is still being processed"),
    CONCURRENT_UPDATE("concurrent-update", 409, "A concurrent change conflicted; retry the request"),
    ACCOUNT_NOT_ALLOWED("account-not-allowed", 422, "The account cannot be used for this operation"),
    LEDGER_NOT_EMPTY("ledger-not-empty", 409, "The LED already has journal entries"),
    CONTROL_ACCOUNT("control-account", 422,
            "The account is the control account of a sub-ledger and moves only through its operations"),
    APPROVER_IS_MAKER("approver-is-maker", 403,
            "Above the LED's threshold a second person must approve what the first one made"),
    ADJUSTMENT_NOT_PENDING("adjustment-not-pending", 409, "The pending adjustment was already decided"),

    DUPLICATE_PRODUCT_NAME("duplicate-product-name", 409, "A loan product with this name exists in the LED"),
    UNKNOWN_PRODUCT("unknown-product", 422, "The loan product does not exist in the LED"),
    PRODUCT_RETIRED("product-retired", 422, "The loan product is retired and takes no new loans"),
    OUTSIDE_PRODUCT_BOUNDS("outside-product-bounds", 422, "The loan's terms are outside the product's bounds"),
    UNKNOWN_GRANT("unknown-grant", 422, "The grant does not exist in the LED"),
    LOAN_STATUS("loan-status", 409, "The loan's status does not allow this"),
    PAID_BEFORE_DISBURSEMENT("paid-before-disbursement", 422, "The repayment is dated before the disbursement"),
    REPAYMENT_EXCEEDS_OUTSTANDING("repayment-exceeds-outstanding", 409,
            "The repayment is larger than everything the loan owes"),
    REPAYMENT_NOT_LATEST("repayment-not-latest", 409,
            "Only the loan's latest standing repayment can be reversed; reverse the later ones first"),
    REPAYMENT_ALREADY_REVERSED("repayment-already-reversed", 409, "The repayment has already been reversed"),
    DISBURSEMENT_HAS_REPAYMENTS("disbursement-has-repayments", 409,
            "A disbursement with standing repayments cannot be reversed"),
    WRITE_OFF_PENDING("write-off-pending", 409, "A write-off of the loan already waits for approval"),
    WRITE_OFF_NOT_PENDING("write-off-not-pending", 409, "No write-off of the loan waits for approval"),
    DATE_BEFORE_LOAN_EVENT("date-before-loan-event", 422,
            "The date is before something already recorded on the loan"),
    PAID_BEFORE_WRITE_OFF("paid-before-write-off", 422, "The recovery is dated before the write-off"),
    RECOVERY_EXCEEDS_WRITTEN_OFF("recovery-exceeds-written-off", 409,
            "The recoveries would exceed what was written off"),

    LOAN_QUALITY_TABLE_INVALID("loan-quality-table-invalid", 422,
            "The kolektibilitas table breaks a rule: 3 or 5 classes, bounds strictly increasing, last open-ended"),
    LOAN_QUALITY_CHANGE_OUT_OF_ORDER("loan-quality-change-out-of-order", 409,
            "A loan-quality change cannot take effect before the latest change"),
    PROVISION_OUT_OF_ORDER("provision-out-of-order", 409,
            "A provision cannot be dated before the latest provision"),
    GROUP_LOAN_SHARE("group-loan-share", 409,
            "The loan is a member's share of a KUB group loan and is decided, disbursed and corrected with it"),
    REPAYMENT_OF_GROUP("repayment-of-group", 409,
            "The repayment is a share's part of a KUB group's payment; reverse the group's payment instead"),
    MEMBER_NOT_IN_GROUP("member-not-in-group", 422, "A share of a group loan is for a member outside the group"),
    NO_SHARES("no-shares", 422, "A group loan needs at least one member's share"),
    DUPLICATE_SHARE("duplicate-share", 422, "A member has more than one share in the group loan"),
    YEAR_NOT_ENDED("year-not-ended", 422, "A year is closed after its December 31, in the LED's calendar"),
    ALLOCATION_INVALID("allocation-invalid", 422,
            "The surplus allocation breaks a rule: percentages sum to 100, no allocation of a deficit"),
    YEAR_ALREADY_CLOSED("year-already-closed", 409, "The year has already been closed"),
    YEAR_END_NOT_PENDING("year-end-not-pending", 409, "The year-end close was already decided"),
    YEAR_END_NEEDS_PROVISION("year-end-needs-provision", 409,
            "The year has no provision run dated on or after its last loan movement"),
    LOAN_REQUEST_PENDING("loan-request-pending", 409,
            "A request on this loan is waiting for a second manager; approve or reject it first"),
    NOTHING_TO_RESCHEDULE("nothing-to-reschedule", 409, "The loan has no outstanding principal to reschedule"),
    RESCHEDULE_BEFORE_LATEST_EVENT("reschedule-before-latest-event", 422,
            "A reschedule is dated before the loan's latest repayment, reversal or disbursement"),
    PAID_BEFORE_RESCHEDULE("paid-before-reschedule", 422,
            "The repayment is dated before the day the loan's current schedule took over"),
    LOAN_RESCHEDULED("loan-rescheduled", 409,
            "The loan was rescheduled after this; what happened before a reschedule stands"),

    UNKNOWN_MODULE("unknown-module", 422, "The programme has no module with this code"),
    UNKNOWN_FUNDING_LINE("unknown-funding-line", 422, "The programme has no funding line with this name"),
    DATE_OUTSIDE_PROGRAMME("date-outside-programme", 422, "The date is outside the programme's run"),
    TRAINEE_UNDER_AGE("trainee-under-age", 422, "The person is under 18 on the programme's start"),
    DUPLICATE_TRAINEE("duplicate-trainee", 409, "The person is already enrolled in this programme"),
    NOT_ENROLLED("not-enrolled", 422, "The attendance names someone not enrolled in the programme"),
    DUPLICATE_EVALUATION("duplicate-evaluation", 409,
            "The trainee already has an evaluation of this module; correct it with PUT"),
    DATE_BEFORE_ENROLMENT("date-before-enrolment", 422, "The date is before the trainee's enrolment"),
    TRAINEE_STATUS("trainee-status", 409, "The trainee has already completed or withdrawn"),
    NEGATIVE_INCOME("negative-income", 422, "A monthly income cannot be below zero"),
    BATCH_TOO_LARGE("batch-too-large", 413, "The batch has more operations than one request may carry"),
    BATCH_REFUSED("batch-refused", 409, "An operation of an atomic batch was refused; nothing was written"),
    OPERATION_NOT_APPLIED("operation-not-applied", 424,
            "Not written: another operation of the atomic batch was refused"),

    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "The database cannot be reached; retry shortly");

    public static final String URN_PREFIX = "urn:lumbung:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return URN_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
