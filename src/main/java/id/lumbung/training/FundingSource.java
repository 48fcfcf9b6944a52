package id.lumbung.training;

/** Who funds a programme: the district budget (APBD), a company sponsor (CSR), the community, or another. */
public enum FundingSource {
    APBD, SPONSOR, COMMUNITY, OTHER
}
