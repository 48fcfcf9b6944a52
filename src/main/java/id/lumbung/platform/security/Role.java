package id.lumbung.platform.security;

/** The roles a token can carry in its {@code groups} claim (DESIGN §6). */
public final class Role {

    /** The platform operator: manages districts, never an LED's books. */
    public static final String ADMIN = "admin";
    /** A district officer: opens LEDs and disburses grants in its districts, reads their books. */
    public static final String DISTRICT_OFFICER = "district-officer";
    /** An LED's manager: everything in its LED, including reversals, adjustments and period closing. */
    public static final String LED_MANAGER = "led-manager";
    /** An LED's clerk: records business operations, cannot reverse, adjust or close periods. */
    public static final String LED_CLERK = "led-clerk";
    /** A trainer or programme officer: training data of its LEDs; capital views without NIK. */
    public static final String TRAINER = "trainer";
    /** An auditor (inspectorate, external auditor): read-only, within its scope. */
    public static final String AUDITOR = "auditor";

    public static final java.util.Set<String> ALL =
            java.util.Set.of(ADMIN, DISTRICT_OFFICER, LED_MANAGER, LED_CLERK, TRAINER, AUDITOR);

    private Role() {
    }
}
