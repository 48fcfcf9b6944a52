package id.lumbung.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an audited action took place or was refused (403) before it could. */
@Schema(name = "AuditOutcome", description = "A closed list.")
public enum Outcome {
    /** The change was made; it committed with this event. */
    DONE,
    /** A caller in the LED's scope tried something its role may not do. */
    REFUSED
}
