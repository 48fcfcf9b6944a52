package id.lumbung.contribution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a contribution is: the community's own capital, or a member's savings. */
@Schema(description = "An open list: new types may be added without a new API version; a client accepts "
        + "an unknown one.")
public enum ContributionType {
    /** Swadaya: money the community puts in as equity; needs no member. */
    COMMUNITY_EQUITY,
    /** A member's savings deposit: a liability to that member. Needs member records (not yet here). */
    SAVINGS_DEPOSIT
}
