package id.lumbung.savings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which way money moved in a member's savings. */
@Schema(description = "An open list: new movement types may be added without a new API version; a client "
        + "accepts an unknown one.")
public enum MovementType {
    DEPOSIT,
    WITHDRAWAL
}
