package id.lumbung.contribution;

/** What a contribution is: the community's own capital, or a member's savings. */
public enum ContributionType {
    /** Swadaya: money the community puts in as equity; needs no member. */
    COMMUNITY_EQUITY,
    /** A member's savings deposit: a liability to that member. Needs member records (not yet here). */
    SAVINGS_DEPOSIT
}
