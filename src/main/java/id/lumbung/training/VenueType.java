package id.lumbung.training;

/** Where a programme meets. */
public enum VenueType {
    VILLAGE_HALL, PUBLIC_SPACE, SUBDISTRICT_OFFICE, OTHER
}
